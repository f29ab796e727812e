# Generated from forms/attach_evidence_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_AttachEvidenceDialog(object):
    def setupUi(self, AttachEvidenceDialog):
        if not AttachEvidenceDialog.objectName():
            AttachEvidenceDialog.setObjectName(u"AttachEvidenceDialog")
        AttachEvidenceDialog.resize(760, 480)
        self.mainLayout = QVBoxLayout(AttachEvidenceDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AttachEvidenceDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.searchEdit = QLineEdit(AttachEvidenceDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.mainLayout.addWidget(self.searchEdit)

        self.hintLabel = QLabel(AttachEvidenceDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.questionTree = QTreeWidget(AttachEvidenceDialog)
        self.questionTree.setObjectName(u"questionTree")
        self.questionTree.setRootIsDecorated(False)
        self.questionTree.setUniformRowHeights(True)
        self.questionTree.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.questionTree)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.captionLabel = QLabel(AttachEvidenceDialog)
        self.captionLabel.setObjectName(u"captionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.captionLabel)

        self.captionEdit = QLineEdit(AttachEvidenceDialog)
        self.captionEdit.setObjectName(u"captionEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.captionEdit)


        self.mainLayout.addLayout(self.form)

        self.buttonBox = QDialogButtonBox(AttachEvidenceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.captionLabel.setBuddy(self.captionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.questionTree)
        QWidget.setTabOrder(self.questionTree, self.captionEdit)

        self.retranslateUi(AttachEvidenceDialog)
        self.buttonBox.rejected.connect(AttachEvidenceDialog.reject)

        QMetaObject.connectSlotsByName(AttachEvidenceDialog)
    # setupUi

    def retranslateUi(self, AttachEvidenceDialog):
        AttachEvidenceDialog.setWindowTitle(QCoreApplication.translate("AttachEvidenceDialog", u"Attach the analysis as evidence", None))
        self.introLabel.setText(QCoreApplication.translate("AttachEvidenceDialog", u"The chart (PNG) and the analysis result (JSON) are attached to the chosen question.", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("AttachEvidenceDialog", u"Search every question by id or text\u2026", None))
        self.hintLabel.setText("")
        ___qtreewidgetitem = self.questionTree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("AttachEvidenceDialog", u"Assessment", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("AttachEvidenceDialog", u"Question", None))
        self.captionLabel.setText(QCoreApplication.translate("AttachEvidenceDialog", u"&Caption:", None))
    # retranslateUi
