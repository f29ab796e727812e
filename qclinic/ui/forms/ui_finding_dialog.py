# Generated from forms/finding_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_FindingDialog(object):
    def setupUi(self, FindingDialog):
        if not FindingDialog.objectName():
            FindingDialog.setObjectName(u"FindingDialog")
        FindingDialog.resize(560, 460)
        self.mainLayout = QVBoxLayout(FindingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.questionLabel = QLabel(FindingDialog)
        self.questionLabel.setObjectName(u"questionLabel")
        self.questionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.questionLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.severityLabel = QLabel(FindingDialog)
        self.severityLabel.setObjectName(u"severityLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.severityLabel)

        self.severityCombo = QComboBox(FindingDialog)
        self.severityCombo.setObjectName(u"severityCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.severityCombo)

        self.categoryLabel = QLabel(FindingDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(FindingDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.titleLabel = QLabel(FindingDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(FindingDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.descriptionLabel = QLabel(FindingDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(FindingDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.evidenceLabel = QLabel(FindingDialog)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.evidenceLabel)

        self.evidenceEdit = QPlainTextEdit(FindingDialog)
        self.evidenceEdit.setObjectName(u"evidenceEdit")
        self.evidenceEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.evidenceEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(FindingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.severityLabel.setBuddy(self.severityCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.evidenceLabel.setBuddy(self.evidenceEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.severityCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.evidenceEdit)

        self.retranslateUi(FindingDialog)
        self.buttonBox.rejected.connect(FindingDialog.reject)

        QMetaObject.connectSlotsByName(FindingDialog)
    # setupUi

    def retranslateUi(self, FindingDialog):
        FindingDialog.setWindowTitle(QCoreApplication.translate("FindingDialog", u"Raise a finding", None))
        self.severityLabel.setText(QCoreApplication.translate("FindingDialog", u"&Severity", None))
        self.categoryLabel.setText(QCoreApplication.translate("FindingDialog", u"NQI &category", None))
        self.titleLabel.setText(QCoreApplication.translate("FindingDialog", u"&Title", None))
        self.descriptionLabel.setText(QCoreApplication.translate("FindingDialog", u"&Description", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("FindingDialog", u"What was found, against which requirement", None))
        self.evidenceLabel.setText(QCoreApplication.translate("FindingDialog", u"&Evidence", None))
        self.evidenceEdit.setPlaceholderText(QCoreApplication.translate("FindingDialog", u"Records sampled, people interviewed, photos taken", None))
    # retranslateUi
