# Generated from forms/organization_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_OrganizationDialog(object):
    def setupUi(self, OrganizationDialog):
        if not OrganizationDialog.objectName():
            OrganizationDialog.setObjectName(u"OrganizationDialog")
        OrganizationDialog.resize(520, 560)
        self.mainLayout = QVBoxLayout(OrganizationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.companyForm = QFormLayout()
        self.companyForm.setObjectName(u"companyForm")
        self.companyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(OrganizationDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.companyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(OrganizationDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.companyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.usccLabel = QLabel(OrganizationDialog)
        self.usccLabel.setObjectName(u"usccLabel")

        self.companyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.usccLabel)

        self.usccEdit = QLineEdit(OrganizationDialog)
        self.usccEdit.setObjectName(u"usccEdit")
        self.usccEdit.setMaxLength(24)
        self.usccEdit.setClearButtonEnabled(True)

        self.companyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usccEdit)

        self.usccMessage = QLabel(OrganizationDialog)
        self.usccMessage.setObjectName(u"usccMessage")
        self.usccMessage.setWordWrap(True)

        self.companyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.usccMessage)

        self.chainLabel = QLabel(OrganizationDialog)
        self.chainLabel.setObjectName(u"chainLabel")

        self.companyForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.chainLabel)

        self.chainCombo = QComboBox(OrganizationDialog)
        self.chainCombo.setObjectName(u"chainCombo")

        self.companyForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.chainCombo)

        self.roleLabel = QLabel(OrganizationDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.companyForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(OrganizationDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.companyForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.sizeLabel = QLabel(OrganizationDialog)
        self.sizeLabel.setObjectName(u"sizeLabel")

        self.companyForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.sizeLabel)

        self.sizeCombo = QComboBox(OrganizationDialog)
        self.sizeCombo.setObjectName(u"sizeCombo")

        self.companyForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.sizeCombo)

        self.regionLabel = QLabel(OrganizationDialog)
        self.regionLabel.setObjectName(u"regionLabel")

        self.companyForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionEdit = QLineEdit(OrganizationDialog)
        self.regionEdit.setObjectName(u"regionEdit")
        self.regionEdit.setMaxLength(100)

        self.companyForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.regionEdit)


        self.mainLayout.addLayout(self.companyForm)

        self.cqoGroup = QGroupBox(OrganizationDialog)
        self.cqoGroup.setObjectName(u"cqoGroup")
        self.cqoForm = QFormLayout(self.cqoGroup)
        self.cqoForm.setObjectName(u"cqoForm")
        self.cqoForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.cqoNameLabel = QLabel(self.cqoGroup)
        self.cqoNameLabel.setObjectName(u"cqoNameLabel")

        self.cqoForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cqoNameLabel)

        self.cqoNameEdit = QLineEdit(self.cqoGroup)
        self.cqoNameEdit.setObjectName(u"cqoNameEdit")
        self.cqoNameEdit.setMaxLength(100)

        self.cqoForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cqoNameEdit)

        self.cqoPhoneLabel = QLabel(self.cqoGroup)
        self.cqoPhoneLabel.setObjectName(u"cqoPhoneLabel")

        self.cqoForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.cqoPhoneLabel)

        self.cqoPhoneEdit = QLineEdit(self.cqoGroup)
        self.cqoPhoneEdit.setObjectName(u"cqoPhoneEdit")
        self.cqoPhoneEdit.setMaxLength(40)
        self.cqoPhoneEdit.setPlaceholderText(u"13812345678 / 0551-62345678")

        self.cqoForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cqoPhoneEdit)

        self.cqoEmailLabel = QLabel(self.cqoGroup)
        self.cqoEmailLabel.setObjectName(u"cqoEmailLabel")

        self.cqoForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.cqoEmailLabel)

        self.cqoEmailEdit = QLineEdit(self.cqoGroup)
        self.cqoEmailEdit.setObjectName(u"cqoEmailEdit")
        self.cqoEmailEdit.setMaxLength(200)
        self.cqoEmailEdit.setPlaceholderText(u"name@example.com")

        self.cqoForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.cqoEmailEdit)

        self.contactMessage = QLabel(self.cqoGroup)
        self.contactMessage.setObjectName(u"contactMessage")
        self.contactMessage.setWordWrap(True)

        self.cqoForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contactMessage)


        self.mainLayout.addWidget(self.cqoGroup)

        self.notesLabel = QLabel(OrganizationDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.mainLayout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(OrganizationDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.notesEdit)

        self.buttonBox = QDialogButtonBox(OrganizationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.usccLabel.setBuddy(self.usccEdit)
        self.chainLabel.setBuddy(self.chainCombo)
        self.roleLabel.setBuddy(self.roleCombo)
        self.sizeLabel.setBuddy(self.sizeCombo)
        self.regionLabel.setBuddy(self.regionEdit)
        self.cqoNameLabel.setBuddy(self.cqoNameEdit)
        self.cqoPhoneLabel.setBuddy(self.cqoPhoneEdit)
        self.cqoEmailLabel.setBuddy(self.cqoEmailEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.usccEdit)
        QWidget.setTabOrder(self.usccEdit, self.chainCombo)
        QWidget.setTabOrder(self.chainCombo, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.sizeCombo)
        QWidget.setTabOrder(self.sizeCombo, self.regionEdit)
        QWidget.setTabOrder(self.regionEdit, self.cqoNameEdit)
        QWidget.setTabOrder(self.cqoNameEdit, self.cqoPhoneEdit)
        QWidget.setTabOrder(self.cqoPhoneEdit, self.cqoEmailEdit)
        QWidget.setTabOrder(self.cqoEmailEdit, self.notesEdit)

        self.retranslateUi(OrganizationDialog)
        self.buttonBox.accepted.connect(OrganizationDialog.accept)
        self.buttonBox.rejected.connect(OrganizationDialog.reject)

        QMetaObject.connectSlotsByName(OrganizationDialog)
    # setupUi

    def retranslateUi(self, OrganizationDialog):
        OrganizationDialog.setWindowTitle(QCoreApplication.translate("OrganizationDialog", u"Organization", None))
        self.nameLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"Registered company name", None))
        self.usccLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Credit code:", None))
        self.usccEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"18-character unified social credit code", None))
        self.usccMessage.setText("")
        self.chainLabel.setText(QCoreApplication.translate("OrganizationDialog", u"Industry c&hain:", None))
        self.roleLabel.setText(QCoreApplication.translate("OrganizationDialog", u"Chain &role:", None))
        self.sizeLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Size:", None))
        self.regionLabel.setText(QCoreApplication.translate("OrganizationDialog", u"R&egion:", None))
        self.regionEdit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", u"Province and city", None))
        self.cqoGroup.setTitle(QCoreApplication.translate("OrganizationDialog", u"Chief quality officer", None))
        self.cqoNameLabel.setText(QCoreApplication.translate("OrganizationDialog", u"Na&me:", None))
        self.cqoPhoneLabel.setText(QCoreApplication.translate("OrganizationDialog", u"&Phone:", None))
        self.cqoEmailLabel.setText(QCoreApplication.translate("OrganizationDialog", u"E&mail:", None))
        self.contactMessage.setText("")
        self.notesLabel.setText(QCoreApplication.translate("OrganizationDialog", u"N&otes:", None))
    # retranslateUi
