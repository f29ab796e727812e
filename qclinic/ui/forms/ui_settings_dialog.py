# Generated from forms/settings_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(560, 360)
        SettingsDialog.setModal(True)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setSpacing(12)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(16, 16, 16, 12)
        self.interfaceGroup = QGroupBox(SettingsDialog)
        self.interfaceGroup.setObjectName(u"interfaceGroup")
        self.interfaceForm = QFormLayout(self.interfaceGroup)
        self.interfaceForm.setObjectName(u"interfaceForm")
        self.interfaceForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.interfaceForm.setHorizontalSpacing(12)
        self.interfaceForm.setVerticalSpacing(8)
        self.languageLabel = QLabel(self.interfaceGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.interfaceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(self.interfaceGroup)
        self.language.setObjectName(u"language")
        self.language.setMinimumSize(QSize(220, 0))

        self.interfaceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language)

        self.languageHint = QLabel(self.interfaceGroup)
        self.languageHint.setObjectName(u"languageHint")
        self.languageHint.setStyleSheet(u"color: #5f6368;")

        self.interfaceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.languageHint)

        self.consultantNameLabel = QLabel(self.interfaceGroup)
        self.consultantNameLabel.setObjectName(u"consultantNameLabel")

        self.interfaceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.consultantNameLabel)

        self.consultantName = QLineEdit(self.interfaceGroup)
        self.consultantName.setObjectName(u"consultantName")
        self.consultantName.setMaxLength(100)
        self.consultantName.setClearButtonEnabled(True)

        self.interfaceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.consultantName)


        self.mainLayout.addWidget(self.interfaceGroup)

        self.reportGroup = QGroupBox(SettingsDialog)
        self.reportGroup.setObjectName(u"reportGroup")
        self.reportForm = QFormLayout(self.reportGroup)
        self.reportForm.setObjectName(u"reportForm")
        self.reportForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.reportForm.setHorizontalSpacing(12)
        self.reportForm.setVerticalSpacing(8)
        self.reportLanguageLabel = QLabel(self.reportGroup)
        self.reportLanguageLabel.setObjectName(u"reportLanguageLabel")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reportLanguageLabel)

        self.reportLanguage = QComboBox(self.reportGroup)
        self.reportLanguage.setObjectName(u"reportLanguage")
        self.reportLanguage.setMinimumSize(QSize(220, 0))

        self.reportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reportLanguage)

        self.issuingBodyLabel = QLabel(self.reportGroup)
        self.issuingBodyLabel.setObjectName(u"issuingBodyLabel")

        self.reportForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuingBodyLabel)

        self.issuingBody = QLineEdit(self.reportGroup)
        self.issuingBody.setObjectName(u"issuingBody")
        self.issuingBody.setMaxLength(200)
        self.issuingBody.setClearButtonEnabled(True)

        self.reportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuingBody)

        self.logoLabel = QLabel(self.reportGroup)
        self.logoLabel.setObjectName(u"logoLabel")
        self.logoLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.reportForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoLayout = QHBoxLayout()
        self.logoLayout.setSpacing(12)
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoPreview = QLabel(self.reportGroup)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(180, 72))
        self.logoPreview.setMaximumSize(QSize(180, 72))
        self.logoPreview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logoPreview.setStyleSheet(u"QLabel { border: 1px dashed #c0c4ca; border-radius: 4px; background: palette(base); color: #8a8f96; }")

        self.logoLayout.addWidget(self.logoPreview)

        self.logoButtons = QVBoxLayout()
        self.logoButtons.setSpacing(6)
        self.logoButtons.setObjectName(u"logoButtons")
        self.chooseLogo = QPushButton(self.reportGroup)
        self.chooseLogo.setObjectName(u"chooseLogo")

        self.logoButtons.addWidget(self.chooseLogo)

        self.clearLogo = QPushButton(self.reportGroup)
        self.clearLogo.setObjectName(u"clearLogo")

        self.logoButtons.addWidget(self.clearLogo)

        self.logoButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.logoButtons.addItem(self.logoButtonsSpacer)


        self.logoLayout.addLayout(self.logoButtons)

        self.logoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoLayout.addItem(self.logoSpacer)


        self.reportForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.logoLayout)

        self.logoFile = QLabel(self.reportGroup)
        self.logoFile.setObjectName(u"logoFile")
        self.logoFile.setWordWrap(True)
        self.logoFile.setStyleSheet(u"color: #5f6368;")

        self.reportForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.logoFile)


        self.mainLayout.addWidget(self.reportGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.language)
        self.consultantNameLabel.setBuddy(self.consultantName)
        self.reportLanguageLabel.setBuddy(self.reportLanguage)
        self.issuingBodyLabel.setBuddy(self.issuingBody)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.language, self.consultantName)
        QWidget.setTabOrder(self.consultantName, self.reportLanguage)
        QWidget.setTabOrder(self.reportLanguage, self.issuingBody)
        QWidget.setTabOrder(self.issuingBody, self.chooseLogo)
        QWidget.setTabOrder(self.chooseLogo, self.clearLogo)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.interfaceGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Interface", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Language", None))
        self.languageHint.setText(QCoreApplication.translate("SettingsDialog", u"The window switches at once; no restart is needed.", None))
        self.consultantNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Your name", None))
        self.consultantName.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Leads the expert team of the assessments you start", None))
        self.reportGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Printed reports", None))
        self.reportLanguageLabel.setText(QCoreApplication.translate("SettingsDialog", u"Report &language", None))
        self.issuingBodyLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Issuing body", None))
        self.issuingBody.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"Printed on the report cover, e.g. the clinic's institute", None))
        self.logoLabel.setText(QCoreApplication.translate("SettingsDialog", u"Logo", None))
        self.chooseLogo.setText(QCoreApplication.translate("SettingsDialog", u"&Choose image\u2026", None))
        self.clearLogo.setText(QCoreApplication.translate("SettingsDialog", u"C&lear", None))
    # retranslateUi
