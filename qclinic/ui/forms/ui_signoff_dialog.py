# Generated from forms/signoff_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from qclinic.ui.signature_pad import SignaturePad

class Ui_SignOffDialog(object):
    def setupUi(self, SignOffDialog):
        if not SignOffDialog.objectName():
            SignOffDialog.setObjectName(u"SignOffDialog")
        SignOffDialog.resize(780, 440)
        SignOffDialog.setModal(True)
        self.mainLayout = QVBoxLayout(SignOffDialog)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(16, 16, 16, 12)
        self.titleLabel = QLabel(SignOffDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 15px; font-weight: 600;")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(SignOffDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.signersLayout = QHBoxLayout()
        self.signersLayout.setSpacing(12)
        self.signersLayout.setObjectName(u"signersLayout")
        self.consultantGroup = QGroupBox(SignOffDialog)
        self.consultantGroup.setObjectName(u"consultantGroup")
        self.consultantLayout = QVBoxLayout(self.consultantGroup)
        self.consultantLayout.setSpacing(8)
        self.consultantLayout.setObjectName(u"consultantLayout")
        self.consultantForm = QFormLayout()
        self.consultantForm.setObjectName(u"consultantForm")
        self.consultantNameLabel = QLabel(self.consultantGroup)
        self.consultantNameLabel.setObjectName(u"consultantNameLabel")

        self.consultantForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.consultantNameLabel)

        self.consultantName = QLineEdit(self.consultantGroup)
        self.consultantName.setObjectName(u"consultantName")
        self.consultantName.setMaxLength(100)
        self.consultantName.setClearButtonEnabled(True)

        self.consultantForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.consultantName)


        self.consultantLayout.addLayout(self.consultantForm)

        self.consultantModeLayout = QHBoxLayout()
        self.consultantModeLayout.setObjectName(u"consultantModeLayout")
        self.consultantDrawRadio = QRadioButton(self.consultantGroup)
        self.consultantDrawRadio.setObjectName(u"consultantDrawRadio")
        self.consultantDrawRadio.setChecked(True)

        self.consultantModeLayout.addWidget(self.consultantDrawRadio)

        self.consultantTypedRadio = QRadioButton(self.consultantGroup)
        self.consultantTypedRadio.setObjectName(u"consultantTypedRadio")

        self.consultantModeLayout.addWidget(self.consultantTypedRadio)

        self.consultantModeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.consultantModeLayout.addItem(self.consultantModeSpacer)


        self.consultantLayout.addLayout(self.consultantModeLayout)

        self.consultantPad = SignaturePad(self.consultantGroup)
        self.consultantPad.setObjectName(u"consultantPad")
        self.consultantPad.setMinimumSize(QSize(300, 140))

        self.consultantLayout.addWidget(self.consultantPad)

        self.consultantStatus = QLabel(self.consultantGroup)
        self.consultantStatus.setObjectName(u"consultantStatus")

        self.consultantLayout.addWidget(self.consultantStatus)


        self.signersLayout.addWidget(self.consultantGroup)

        self.companyGroup = QGroupBox(SignOffDialog)
        self.companyGroup.setObjectName(u"companyGroup")
        self.companyLayout = QVBoxLayout(self.companyGroup)
        self.companyLayout.setSpacing(8)
        self.companyLayout.setObjectName(u"companyLayout")
        self.companyForm = QFormLayout()
        self.companyForm.setObjectName(u"companyForm")
        self.companyNameLabel = QLabel(self.companyGroup)
        self.companyNameLabel.setObjectName(u"companyNameLabel")

        self.companyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.companyNameLabel)

        self.companyName = QLineEdit(self.companyGroup)
        self.companyName.setObjectName(u"companyName")
        self.companyName.setMaxLength(100)
        self.companyName.setClearButtonEnabled(True)

        self.companyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.companyName)


        self.companyLayout.addLayout(self.companyForm)

        self.companyModeLayout = QHBoxLayout()
        self.companyModeLayout.setObjectName(u"companyModeLayout")
        self.companyDrawRadio = QRadioButton(self.companyGroup)
        self.companyDrawRadio.setObjectName(u"companyDrawRadio")
        self.companyDrawRadio.setChecked(True)

        self.companyModeLayout.addWidget(self.companyDrawRadio)

        self.companyTypedRadio = QRadioButton(self.companyGroup)
        self.companyTypedRadio.setObjectName(u"companyTypedRadio")

        self.companyModeLayout.addWidget(self.companyTypedRadio)

        self.companyModeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.companyModeLayout.addItem(self.companyModeSpacer)


        self.companyLayout.addLayout(self.companyModeLayout)

        self.companyPad = SignaturePad(self.companyGroup)
        self.companyPad.setObjectName(u"companyPad")
        self.companyPad.setMinimumSize(QSize(300, 140))

        self.companyLayout.addWidget(self.companyPad)

        self.companyStatus = QLabel(self.companyGroup)
        self.companyStatus.setObjectName(u"companyStatus")

        self.companyLayout.addWidget(self.companyStatus)


        self.signersLayout.addWidget(self.companyGroup)


        self.mainLayout.addLayout(self.signersLayout)

        self.lockNote = QLabel(SignOffDialog)
        self.lockNote.setObjectName(u"lockNote")
        self.lockNote.setStyleSheet(u"color: #5f6b7a;")
        self.lockNote.setWordWrap(True)

        self.mainLayout.addWidget(self.lockNote)

        self.buttonBox = QDialogButtonBox(SignOffDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.consultantNameLabel.setBuddy(self.consultantName)
        self.companyNameLabel.setBuddy(self.companyName)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.consultantName, self.consultantDrawRadio)
        QWidget.setTabOrder(self.consultantDrawRadio, self.consultantTypedRadio)
        QWidget.setTabOrder(self.consultantTypedRadio, self.companyName)
        QWidget.setTabOrder(self.companyName, self.companyDrawRadio)
        QWidget.setTabOrder(self.companyDrawRadio, self.companyTypedRadio)

        self.retranslateUi(SignOffDialog)
        self.buttonBox.rejected.connect(SignOffDialog.reject)

        QMetaObject.connectSlotsByName(SignOffDialog)
    # setupUi

    def retranslateUi(self, SignOffDialog):
        SignOffDialog.setWindowTitle(QCoreApplication.translate("SignOffDialog", u"Sign off the assessment", None))
        self.consultantGroup.setTitle(QCoreApplication.translate("SignOffDialog", u"Consultant", None))
        self.consultantNameLabel.setText(QCoreApplication.translate("SignOffDialog", u"&Name", None))
        self.consultantName.setPlaceholderText(QCoreApplication.translate("SignOffDialog", u"Full name", None))
        self.consultantDrawRadio.setText(QCoreApplication.translate("SignOffDialog", u"Draw signature", None))
        self.consultantTypedRadio.setText(QCoreApplication.translate("SignOffDialog", u"Typed name only", None))
        self.consultantStatus.setText(QCoreApplication.translate("SignOffDialog", u"Not signed yet", None))
        self.companyGroup.setTitle(QCoreApplication.translate("SignOffDialog", u"Company representative", None))
        self.companyNameLabel.setText(QCoreApplication.translate("SignOffDialog", u"&Name", None))
        self.companyName.setPlaceholderText(QCoreApplication.translate("SignOffDialog", u"Full name", None))
        self.companyDrawRadio.setText(QCoreApplication.translate("SignOffDialog", u"Draw signature", None))
        self.companyTypedRadio.setText(QCoreApplication.translate("SignOffDialog", u"Typed name only", None))
        self.companyStatus.setText(QCoreApplication.translate("SignOffDialog", u"Not signed yet", None))
        self.lockNote.setText(QCoreApplication.translate("SignOffDialog", u"Once signed, the assessment can no longer be edited; a correction is made as an amended revision.", None))
    # retranslateUi
