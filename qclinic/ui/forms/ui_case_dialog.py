# Generated from forms/case_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
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

class Ui_CaseDialog(object):
    def setupUi(self, CaseDialog):
        if not CaseDialog.objectName():
            CaseDialog.setObjectName(u"CaseDialog")
        CaseDialog.resize(560, 420)
        self.mainLayout = QVBoxLayout(CaseDialog)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CaseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.formLayout.setHorizontalSpacing(12)
        self.formLayout.setVerticalSpacing(8)
        self.organizationLabel = QLabel(CaseDialog)
        self.organizationLabel.setObjectName(u"organizationLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.organizationLabel)

        self.organizationCombo = QComboBox(CaseDialog)
        self.organizationCombo.setObjectName(u"organizationCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.organizationCombo)

        self.categoryLabel = QLabel(CaseDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(CaseDialog)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.titleLabel = QLabel(CaseDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(CaseDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.symptomLabel = QLabel(CaseDialog)
        self.symptomLabel.setObjectName(u"symptomLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.symptomLabel)

        self.symptomEdit = QPlainTextEdit(CaseDialog)
        self.symptomEdit.setObjectName(u"symptomEdit")
        self.symptomEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.symptomEdit)

        self.visitLabel = QLabel(CaseDialog)
        self.visitLabel.setObjectName(u"visitLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.visitLabel)

        self.visitCombo = QComboBox(CaseDialog)
        self.visitCombo.setObjectName(u"visitCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.visitCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(CaseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c0392b;")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.organizationLabel.setBuddy(self.organizationCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.symptomLabel.setBuddy(self.symptomEdit)
        self.visitLabel.setBuddy(self.visitCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.organizationCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.symptomEdit)
        QWidget.setTabOrder(self.symptomEdit, self.visitCombo)

        self.retranslateUi(CaseDialog)
        self.buttonBox.accepted.connect(CaseDialog.accept)
        self.buttonBox.rejected.connect(CaseDialog.reject)

        QMetaObject.connectSlotsByName(CaseDialog)
    # setupUi

    def retranslateUi(self, CaseDialog):
        CaseDialog.setWindowTitle(QCoreApplication.translate("CaseDialog", u"Register a clinic case", None))
        self.introLabel.setText(QCoreApplication.translate("CaseDialog", u"A problem the company brought to the clinic. Record the symptom as the company describes it; the diagnosis and the prescription come later.", None))
        self.organizationLabel.setText(QCoreApplication.translate("CaseDialog", u"&Organization", None))
        self.categoryLabel.setText(QCoreApplication.translate("CaseDialog", u"NQI &category", None))
        self.titleLabel.setText(QCoreApplication.translate("CaseDialog", u"&Title", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("CaseDialog", u"The problem in a few words", None))
        self.symptomLabel.setText(QCoreApplication.translate("CaseDialog", u"&Symptom", None))
        self.symptomEdit.setPlaceholderText(QCoreApplication.translate("CaseDialog", u"What the company sees: data, complaints, dates", None))
        self.visitLabel.setText(QCoreApplication.translate("CaseDialog", u"&Visit", None))
    # retranslateUi
