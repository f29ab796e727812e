# Generated from forms/assign_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_AssignDialog(object):
    def setupUi(self, AssignDialog):
        if not AssignDialog.objectName():
            AssignDialog.setObjectName(u"AssignDialog")
        AssignDialog.resize(460, 200)
        self.mainLayout = QVBoxLayout(AssignDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AssignDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.consultantLabel = QLabel(AssignDialog)
        self.consultantLabel.setObjectName(u"consultantLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.consultantLabel)

        self.consultantCombo = QComboBox(AssignDialog)
        self.consultantCombo.setObjectName(u"consultantCombo")
        self.consultantCombo.setEditable(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.consultantCombo)


        self.mainLayout.addLayout(self.form)

        self.hintLabel = QLabel(AssignDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(AssignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.consultantLabel.setBuddy(self.consultantCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssignDialog)
        self.buttonBox.rejected.connect(AssignDialog.reject)

        QMetaObject.connectSlotsByName(AssignDialog)
    # setupUi

    def retranslateUi(self, AssignDialog):
        AssignDialog.setWindowTitle(QCoreApplication.translate("AssignDialog", u"Assign", None))
        self.introLabel.setText("")
        self.consultantLabel.setText(QCoreApplication.translate("AssignDialog", u"&Consultant:", None))
        self.hintLabel.setText("")
    # retranslateUi
