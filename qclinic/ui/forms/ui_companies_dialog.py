# Generated from forms/companies_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CompaniesDialog(object):
    def setupUi(self, CompaniesDialog):
        if not CompaniesDialog.objectName():
            CompaniesDialog.setObjectName(u"CompaniesDialog")
        CompaniesDialog.resize(560, 480)
        self.mainLayout = QVBoxLayout(CompaniesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(CompaniesDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setStyleSheet(u"font-weight: bold;")
        self.heading.setWordWrap(True)
        self.heading.setText(u"")

        self.mainLayout.addWidget(self.heading)

        self.hint = QLabel(CompaniesDialog)
        self.hint.setObjectName(u"hint")

        self.mainLayout.addWidget(self.hint)

        self.listLayout = QVBoxLayout()
        self.listLayout.setObjectName(u"listLayout")

        self.mainLayout.addLayout(self.listLayout)

        self.buttons = QDialogButtonBox(CompaniesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttons)


        self.retranslateUi(CompaniesDialog)
        self.buttons.rejected.connect(CompaniesDialog.reject)

        QMetaObject.connectSlotsByName(CompaniesDialog)
    # setupUi

    def retranslateUi(self, CompaniesDialog):
        CompaniesDialog.setWindowTitle(QCoreApplication.translate("CompaniesDialog", u"Companies behind the figure", None))
        self.hint.setText(QCoreApplication.translate("CompaniesDialog", u"Double-click a company to open it.", None))
    # retranslateUi
