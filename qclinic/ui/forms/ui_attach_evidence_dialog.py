# Generated from forms/attach_evidence_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_AttachEvidenceDialog(object):
    def setupUi(self, AttachEvidenceDialog):
        if not AttachEvidenceDialog.objectName():
            AttachEvidenceDialog.setObjectName(u"AttachEvidenceDialog")
        AttachEvidenceDialog.resize(640, 240)
        self.mainLayout = QVBoxLayout(AttachEvidenceDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AttachEvidenceDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.assessmentLabel = QLabel(AttachEvidenceDialog)
        self.assessmentLabel.setObjectName(u"assessmentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.assessmentLabel)

        self.assessmentCombo = QComboBox(AttachEvidenceDialog)
        self.assessmentCombo.setObjectName(u"assessmentCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.assessmentCombo)

        self.questionLabel = QLabel(AttachEvidenceDialog)
        self.questionLabel.setObjectName(u"questionLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.questionLabel)

        self.questionCombo = QComboBox(AttachEvidenceDialog)
        self.questionCombo.setObjectName(u"questionCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.questionCombo)

        self.allLabel = QLabel(AttachEvidenceDialog)
        self.allLabel.setObjectName(u"allLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.allLabel)

        self.allQuestionsCheck = QCheckBox(AttachEvidenceDialog)
        self.allQuestionsCheck.setObjectName(u"allQuestionsCheck")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.allQuestionsCheck)

        self.captionLabel = QLabel(AttachEvidenceDialog)
        self.captionLabel.setObjectName(u"captionLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.captionLabel)

        self.captionEdit = QLineEdit(AttachEvidenceDialog)
        self.captionEdit.setObjectName(u"captionEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.captionEdit)


        self.mainLayout.addLayout(self.form)

        self.buttonBox = QDialogButtonBox(AttachEvidenceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.assessmentLabel.setBuddy(self.assessmentCombo)
        self.questionLabel.setBuddy(self.questionCombo)
        self.allLabel.setBuddy(self.allQuestionsCheck)
        self.captionLabel.setBuddy(self.captionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AttachEvidenceDialog)
        self.buttonBox.rejected.connect(AttachEvidenceDialog.reject)

        QMetaObject.connectSlotsByName(AttachEvidenceDialog)
    # setupUi

    def retranslateUi(self, AttachEvidenceDialog):
        AttachEvidenceDialog.setWindowTitle(QCoreApplication.translate("AttachEvidenceDialog", u"Attach the analysis as evidence", None))
        self.introLabel.setText(QCoreApplication.translate("AttachEvidenceDialog", u"The chart (PNG) and the analysis result (JSON) are attached to the chosen question.", None))
        self.assessmentLabel.setText(QCoreApplication.translate("AttachEvidenceDialog", u"&Assessment:", None))
        self.questionLabel.setText(QCoreApplication.translate("AttachEvidenceDialog", u"&Question:", None))
        self.allLabel.setText("")
        self.allQuestionsCheck.setText(QCoreApplication.translate("AttachEvidenceDialog", u"Show the questions of every checklist", None))
        self.captionLabel.setText(QCoreApplication.translate("AttachEvidenceDialog", u"&Caption:", None))
    # retranslateUi
