# Generated from forms/start_assessment_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_StartAssessmentDialog(object):
    def setupUi(self, StartAssessmentDialog):
        if not StartAssessmentDialog.objectName():
            StartAssessmentDialog.setObjectName(u"StartAssessmentDialog")
        StartAssessmentDialog.resize(560, 300)
        self.mainLayout = QVBoxLayout(StartAssessmentDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.organizationLabel = QLabel(StartAssessmentDialog)
        self.organizationLabel.setObjectName(u"organizationLabel")
        self.organizationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.organizationLabel)

        self.visitForm = QFormLayout()
        self.visitForm.setObjectName(u"visitForm")
        self.visitForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kindLabel = QLabel(StartAssessmentDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(StartAssessmentDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.dateLabel = QLabel(StartAssessmentDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.visitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(StartAssessmentDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setCalendarPopup(True)

        self.visitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.siteLabel = QLabel(StartAssessmentDialog)
        self.siteLabel.setObjectName(u"siteLabel")

        self.visitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.siteLabel)

        self.siteCombo = QComboBox(StartAssessmentDialog)
        self.siteCombo.setObjectName(u"siteCombo")

        self.visitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.siteCombo)

        self.checklistLabel = QLabel(StartAssessmentDialog)
        self.checklistLabel.setObjectName(u"checklistLabel")

        self.visitForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.checklistLabel)

        self.checklistCombo = QComboBox(StartAssessmentDialog)
        self.checklistCombo.setObjectName(u"checklistCombo")
        self.checklistCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.checklistCombo.setMinimumContentsLength(30)

        self.visitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.checklistCombo)

        self.checklistInfo = QLabel(StartAssessmentDialog)
        self.checklistInfo.setObjectName(u"checklistInfo")

        self.visitForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.checklistInfo)

        self.titleLabel = QLabel(StartAssessmentDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.visitForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(StartAssessmentDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.visitForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.titleEdit)


        self.mainLayout.addLayout(self.visitForm)

        self.bottomSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(StartAssessmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.siteLabel.setBuddy(self.siteCombo)
        self.checklistLabel.setBuddy(self.checklistCombo)
        self.titleLabel.setBuddy(self.titleEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.siteCombo)
        QWidget.setTabOrder(self.siteCombo, self.checklistCombo)
        QWidget.setTabOrder(self.checklistCombo, self.titleEdit)

        self.retranslateUi(StartAssessmentDialog)
        self.buttonBox.accepted.connect(StartAssessmentDialog.accept)
        self.buttonBox.rejected.connect(StartAssessmentDialog.reject)

        QMetaObject.connectSlotsByName(StartAssessmentDialog)
    # setupUi

    def retranslateUi(self, StartAssessmentDialog):
        StartAssessmentDialog.setWindowTitle(QCoreApplication.translate("StartAssessmentDialog", u"Start an assessment", None))
        self.organizationLabel.setText("")
        self.kindLabel.setText(QCoreApplication.translate("StartAssessmentDialog", u"&Visit kind:", None))
        self.dateLabel.setText(QCoreApplication.translate("StartAssessmentDialog", u"&Date:", None))
        self.siteLabel.setText(QCoreApplication.translate("StartAssessmentDialog", u"&Site:", None))
        self.checklistLabel.setText(QCoreApplication.translate("StartAssessmentDialog", u"&Checklist:", None))
        self.checklistInfo.setText("")
        self.titleLabel.setText(QCoreApplication.translate("StartAssessmentDialog", u"&Title:", None))
    # retranslateUi
