# Generated from forms/action_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionDialog(object):
    def setupUi(self, ActionDialog):
        if not ActionDialog.objectName():
            ActionDialog.setObjectName(u"ActionDialog")
        ActionDialog.resize(560, 640)
        self.mainLayout = QVBoxLayout(ActionDialog)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(8)
        self.organizationLabel = QLabel(ActionDialog)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organizationLabel)

        self.organizationLayout = QHBoxLayout()
        self.organizationLayout.setObjectName(u"organizationLayout")
        self.organizationValue = QLabel(ActionDialog)
        self.organizationValue.setObjectName(u"organizationValue")
        self.organizationValue.setStyleSheet(u"font-weight: bold;")
        self.organizationValue.setText(u"")

        self.organizationLayout.addWidget(self.organizationValue)

        self.organizationCombo = QComboBox(ActionDialog)
        self.organizationCombo.setObjectName(u"organizationCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.organizationCombo.sizePolicy().hasHeightForWidth())
        self.organizationCombo.setSizePolicy(sizePolicy)

        self.organizationLayout.addWidget(self.organizationCombo)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.organizationLayout)

        self.sourceLabel = QLabel(ActionDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceValue = QLabel(ActionDialog)
        self.sourceValue.setObjectName(u"sourceValue")
        self.sourceValue.setText(u"")
        self.sourceValue.setWordWrap(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sourceValue)

        self.titleLabel = QLabel(ActionDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ActionDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.descriptionLabel = QLabel(ActionDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(ActionDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.ownerLabel = QLabel(ActionDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerEdit = QLineEdit(ActionDialog)
        self.ownerEdit.setObjectName(u"ownerEdit")
        self.ownerEdit.setMaxLength(100)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.dueLabel = QLabel(ActionDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueLayout = QHBoxLayout()
        self.dueLayout.setObjectName(u"dueLayout")
        self.dueCheck = QCheckBox(ActionDialog)
        self.dueCheck.setObjectName(u"dueCheck")
        self.dueCheck.setChecked(True)

        self.dueLayout.addWidget(self.dueCheck)

        self.dueEdit = QDateEdit(ActionDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dueEdit.setCalendarPopup(True)

        self.dueLayout.addWidget(self.dueEdit)

        self.dueSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dueLayout.addItem(self.dueSpacer)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.dueLayout)

        self.priorityLabel = QLabel(ActionDialog)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.priorityCombo = QComboBox(ActionDialog)
        self.priorityCombo.setObjectName(u"priorityCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.priorityCombo)

        self.statusLabel = QLabel(ActionDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(ActionDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.verificationLabel = QLabel(ActionDialog)
        self.verificationLabel.setObjectName(u"verificationLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.verificationLabel)

        self.verificationEdit = QPlainTextEdit(ActionDialog)
        self.verificationEdit.setObjectName(u"verificationEdit")
        self.verificationEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.verificationEdit)

        self.effectivenessLabel = QLabel(ActionDialog)
        self.effectivenessLabel.setObjectName(u"effectivenessLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.effectivenessLabel)

        self.effectivenessEdit = QPlainTextEdit(ActionDialog)
        self.effectivenessEdit.setObjectName(u"effectivenessEdit")
        self.effectivenessEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.effectivenessEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ActionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.ownerLabel.setBuddy(self.ownerEdit)
        self.priorityLabel.setBuddy(self.priorityCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.verificationLabel.setBuddy(self.verificationEdit)
        self.effectivenessLabel.setBuddy(self.effectivenessEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.organizationCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.ownerEdit)
        QWidget.setTabOrder(self.ownerEdit, self.dueCheck)
        QWidget.setTabOrder(self.dueCheck, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.priorityCombo)
        QWidget.setTabOrder(self.priorityCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.verificationEdit)
        QWidget.setTabOrder(self.verificationEdit, self.effectivenessEdit)

        self.retranslateUi(ActionDialog)
        self.buttonBox.accepted.connect(ActionDialog.accept)
        self.buttonBox.rejected.connect(ActionDialog.reject)
        self.dueCheck.toggled.connect(self.dueEdit.setEnabled)

        QMetaObject.connectSlotsByName(ActionDialog)
    # setupUi

    def retranslateUi(self, ActionDialog):
        ActionDialog.setWindowTitle(QCoreApplication.translate("ActionDialog", u"Improvement action", None))
        self.organizationLabel.setText(QCoreApplication.translate("ActionDialog", u"Organization", None))
        self.sourceLabel.setText(QCoreApplication.translate("ActionDialog", u"Raised from", None))
        self.titleLabel.setText(QCoreApplication.translate("ActionDialog", u"&Title", None))
        self.descriptionLabel.setText(QCoreApplication.translate("ActionDialog", u"&Description", None))
        self.ownerLabel.setText(QCoreApplication.translate("ActionDialog", u"O&wner", None))
        self.ownerEdit.setPlaceholderText(QCoreApplication.translate("ActionDialog", u"Who carries the action out", None))
        self.dueLabel.setText(QCoreApplication.translate("ActionDialog", u"Due date", None))
        self.dueCheck.setText(QCoreApplication.translate("ActionDialog", u"Due &by", None))
        self.priorityLabel.setText(QCoreApplication.translate("ActionDialog", u"&Priority", None))
        self.statusLabel.setText(QCoreApplication.translate("ActionDialog", u"&Status", None))
        self.verificationLabel.setText(QCoreApplication.translate("ActionDialog", u"&Verification", None))
        self.verificationEdit.setPlaceholderText(QCoreApplication.translate("ActionDialog", u"How was the action verified? (required to mark it verified)", None))
        self.effectivenessLabel.setText(QCoreApplication.translate("ActionDialog", u"&Effectiveness", None))
        self.effectivenessEdit.setPlaceholderText(QCoreApplication.translate("ActionDialog", u"Did the problem stay fixed? Evidence of the effectiveness check", None))
    # retranslateUi
