# Generated from forms/dataset_import_dialog.ui by `python -m qclinic.devtools forms`: do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_DatasetImportDialog(object):
    def setupUi(self, DatasetImportDialog):
        if not DatasetImportDialog.objectName():
            DatasetImportDialog.setObjectName(u"DatasetImportDialog")
        DatasetImportDialog.resize(980, 640)
        self.mainLayout = QVBoxLayout(DatasetImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.sourceLayout = QHBoxLayout()
        self.sourceLayout.setObjectName(u"sourceLayout")
        self.openButton = QPushButton(DatasetImportDialog)
        self.openButton.setObjectName(u"openButton")

        self.sourceLayout.addWidget(self.openButton)

        self.pasteButton = QPushButton(DatasetImportDialog)
        self.pasteButton.setObjectName(u"pasteButton")

        self.sourceLayout.addWidget(self.pasteButton)

        self.sourceLabel = QLabel(DatasetImportDialog)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.sourceLayout.addWidget(self.sourceLabel)

        self.sourceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sourceLayout.addItem(self.sourceSpacer)


        self.mainLayout.addLayout(self.sourceLayout)

        self.splitter = QSplitter(DatasetImportDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.optionsPanel = QWidget(self.splitter)
        self.optionsPanel.setObjectName(u"optionsPanel")
        self.optionsForm = QFormLayout(self.optionsPanel)
        self.optionsForm.setObjectName(u"optionsForm")
        self.optionsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.optionsForm.setContentsMargins(0, 0, 0, 0)
        self.nameLabel = QLabel(self.optionsPanel)
        self.nameLabel.setObjectName(u"nameLabel")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.optionsPanel)
        self.nameEdit.setObjectName(u"nameEdit")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.characteristicLabel = QLabel(self.optionsPanel)
        self.characteristicLabel.setObjectName(u"characteristicLabel")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.characteristicLabel)

        self.characteristicEdit = QLineEdit(self.optionsPanel)
        self.characteristicEdit.setObjectName(u"characteristicEdit")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.characteristicEdit)

        self.unitLabel = QLabel(self.optionsPanel)
        self.unitLabel.setObjectName(u"unitLabel")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(self.optionsPanel)
        self.unitEdit.setObjectName(u"unitEdit")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.layoutLabel = QLabel(self.optionsPanel)
        self.layoutLabel.setObjectName(u"layoutLabel")

        self.optionsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.layoutLabel)

        self.layoutCombo = QComboBox(self.optionsPanel)
        self.layoutCombo.setObjectName(u"layoutCombo")

        self.optionsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.layoutCombo)

        self.columnsLabel = QLabel(self.optionsPanel)
        self.columnsLabel.setObjectName(u"columnsLabel")

        self.optionsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.columnsLabel)

        self.columnsList = QListWidget(self.optionsPanel)
        self.columnsList.setObjectName(u"columnsList")
        self.columnsList.setMaximumSize(QSize(16777215, 110))

        self.optionsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.columnsList)

        self.valueLabel = QLabel(self.optionsPanel)
        self.valueLabel.setObjectName(u"valueLabel")

        self.optionsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.valueLabel)

        self.valueCombo = QComboBox(self.optionsPanel)
        self.valueCombo.setObjectName(u"valueCombo")

        self.optionsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.valueCombo)

        self.subgroupLabel = QLabel(self.optionsPanel)
        self.subgroupLabel.setObjectName(u"subgroupLabel")

        self.optionsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.subgroupLabel)

        self.subgroupCombo = QComboBox(self.optionsPanel)
        self.subgroupCombo.setObjectName(u"subgroupCombo")

        self.optionsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.subgroupCombo)

        self.countLabel = QLabel(self.optionsPanel)
        self.countLabel.setObjectName(u"countLabel")

        self.optionsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.countLabel)

        self.countCombo = QComboBox(self.optionsPanel)
        self.countCombo.setObjectName(u"countCombo")

        self.optionsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.countCombo)

        self.sizeLabel = QLabel(self.optionsPanel)
        self.sizeLabel.setObjectName(u"sizeLabel")

        self.optionsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.sizeLabel)

        self.sizeCombo = QComboBox(self.optionsPanel)
        self.sizeCombo.setObjectName(u"sizeCombo")

        self.optionsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sizeCombo)

        self.partLabel = QLabel(self.optionsPanel)
        self.partLabel.setObjectName(u"partLabel")

        self.optionsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.partLabel)

        self.partCombo = QComboBox(self.optionsPanel)
        self.partCombo.setObjectName(u"partCombo")

        self.optionsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.partCombo)

        self.operatorLabel = QLabel(self.optionsPanel)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.optionsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorCombo = QComboBox(self.optionsPanel)
        self.operatorCombo.setObjectName(u"operatorCombo")

        self.optionsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.operatorCombo)

        self.phaseLabel = QLabel(self.optionsPanel)
        self.phaseLabel.setObjectName(u"phaseLabel")

        self.optionsForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.phaseLabel)

        self.phaseCombo = QComboBox(self.optionsPanel)
        self.phaseCombo.setObjectName(u"phaseCombo")

        self.optionsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.phaseCombo)

        self.lslLabel = QLabel(self.optionsPanel)
        self.lslLabel.setObjectName(u"lslLabel")

        self.optionsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.lslLabel)

        self.lslEdit = QLineEdit(self.optionsPanel)
        self.lslEdit.setObjectName(u"lslEdit")
        self.lslEdit.setMinimumSize(QSize(120, 0))

        self.optionsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.lslEdit)

        self.uslLabel = QLabel(self.optionsPanel)
        self.uslLabel.setObjectName(u"uslLabel")

        self.optionsForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.uslLabel)

        self.uslEdit = QLineEdit(self.optionsPanel)
        self.uslEdit.setObjectName(u"uslEdit")
        self.uslEdit.setMinimumSize(QSize(120, 0))

        self.optionsForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.uslEdit)

        self.targetLabel = QLabel(self.optionsPanel)
        self.targetLabel.setObjectName(u"targetLabel")

        self.optionsForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetEdit = QLineEdit(self.optionsPanel)
        self.targetEdit.setObjectName(u"targetEdit")
        self.targetEdit.setMinimumSize(QSize(120, 0))

        self.optionsForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.targetEdit)

        self.splitter.addWidget(self.optionsPanel)
        self.previewPanel = QWidget(self.splitter)
        self.previewPanel.setObjectName(u"previewPanel")
        self.previewLayout = QVBoxLayout(self.previewPanel)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(0, 0, 0, 0)
        self.previewHeading = QLabel(self.previewPanel)
        self.previewHeading.setObjectName(u"previewHeading")

        self.previewLayout.addWidget(self.previewHeading)

        self.previewView = QTableView(self.previewPanel)
        self.previewView.setObjectName(u"previewView")

        self.previewLayout.addWidget(self.previewView)

        self.summaryLabel = QLabel(self.previewPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.summaryLabel)

        self.problemsLabel = QLabel(self.previewPanel)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)
        self.problemsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.previewLayout.addWidget(self.problemsLabel)

        self.splitter.addWidget(self.previewPanel)

        self.mainLayout.addWidget(self.splitter)

        self.buttonBox = QDialogButtonBox(DatasetImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.characteristicLabel.setBuddy(self.characteristicEdit)
        self.unitLabel.setBuddy(self.unitEdit)
        self.layoutLabel.setBuddy(self.layoutCombo)
        self.columnsLabel.setBuddy(self.columnsList)
        self.valueLabel.setBuddy(self.valueCombo)
        self.subgroupLabel.setBuddy(self.subgroupCombo)
        self.countLabel.setBuddy(self.countCombo)
        self.sizeLabel.setBuddy(self.sizeCombo)
        self.partLabel.setBuddy(self.partCombo)
        self.operatorLabel.setBuddy(self.operatorCombo)
        self.phaseLabel.setBuddy(self.phaseCombo)
        self.lslLabel.setBuddy(self.lslEdit)
        self.uslLabel.setBuddy(self.uslEdit)
        self.targetLabel.setBuddy(self.targetEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DatasetImportDialog)
        self.buttonBox.rejected.connect(DatasetImportDialog.reject)

        QMetaObject.connectSlotsByName(DatasetImportDialog)
    # setupUi

    def retranslateUi(self, DatasetImportDialog):
        DatasetImportDialog.setWindowTitle(QCoreApplication.translate("DatasetImportDialog", u"Import SPC data", None))
        self.openButton.setText(QCoreApplication.translate("DatasetImportDialog", u"&Open CSV or Excel file\u2026", None))
        self.pasteButton.setText(QCoreApplication.translate("DatasetImportDialog", u"&Paste from Excel", None))
        self.sourceLabel.setText("")
        self.nameLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Name:", None))
        self.characteristicLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Characteristic:", None))
        self.unitLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Unit:", None))
        self.layoutLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Layout:", None))
        self.columnsLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"Value &columns:", None))
        self.valueLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Value column:", None))
        self.subgroupLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Subgroup column:", None))
        self.countLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"C&ount column:", None))
        self.sizeLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"Sample si&ze column:", None))
        self.partLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Part column:", None))
        self.operatorLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Operator column:", None))
        self.phaseLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"P&hase I column:", None))
#if QT_CONFIG(tooltip)
        self.phaseCombo.setToolTip(QCoreApplication.translate("DatasetImportDialog", u"A column that marks the subgroups that set the control limits (TRUE, 1, yes, I); the others are monitored against them", None))
#endif // QT_CONFIG(tooltip)
        self.lslLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&LSL:", None))
        self.lslEdit.setPlaceholderText(QCoreApplication.translate("DatasetImportDialog", u"none", None))
        self.uslLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&USL:", None))
        self.uslEdit.setPlaceholderText(QCoreApplication.translate("DatasetImportDialog", u"none", None))
        self.targetLabel.setText(QCoreApplication.translate("DatasetImportDialog", u"&Target:", None))
        self.targetEdit.setPlaceholderText(QCoreApplication.translate("DatasetImportDialog", u"mid-spec", None))
        self.previewHeading.setText(QCoreApplication.translate("DatasetImportDialog", u"<b>Preview</b> \u2014 how the data will be read", None))
        self.summaryLabel.setText("")
        self.problemsLabel.setText("")
    # retranslateUi
