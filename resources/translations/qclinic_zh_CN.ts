<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>%1
%2 attachment(s) not on this computer yet: they arrive with the next sync.</source>
        <translation>%1
有 %2 个附件尚未传到本机：下次同步时送达。</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Improvement action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Raised from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>O&amp;wner</source>
        <translation>负责人(&amp;W)</translation>
    </message>
    <message>
        <source>Who carries the action out</source>
        <translation>由谁负责落实</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Due &amp;by</source>
        <translation>截止日期(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Verification</source>
        <translation>验证说明(&amp;V)</translation>
    </message>
    <message>
        <source>How was the action verified? (required to mark it verified)</source>
        <translation>如何验证该措施？（标记为已验证前必填）</translation>
    </message>
    <message>
        <source>&amp;Effectiveness</source>
        <translation>有效性确认(&amp;E)</translation>
    </message>
    <message>
        <source>Did the problem stay fixed? Evidence of the effectiveness check</source>
        <translation>问题是否彻底解决？有效性确认的证据</translation>
    </message>
    <message>
        <source>New improvement action</source>
        <extracomment>the id of the action just committed</extracomment>
        <translation>新建整改措施</translation>
    </message>
    <message>
        <source>Finding: %1</source>
        <translation>发现项：%1</translation>
    </message>
    <message>
        <source>Clinic case: %1</source>
        <translation>门诊案例：%1</translation>
    </message>
    <message>
        <source>Verify action</source>
        <translation>验证措施</translation>
    </message>
    <message>
        <source>Edit action</source>
        <translation>编辑措施</translation>
    </message>
    <message>
        <source>Give the action a title.</source>
        <translation>请填写措施标题。</translation>
    </message>
    <message>
        <source>Choose the organization the action is for.</source>
        <translation>请选择措施所属的企业。</translation>
    </message>
    <message>
        <source>Write how the action was verified (the verification note) before marking it verified.</source>
        <translation>标记为已验证前，请先填写验证说明。</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Organization</source>
        <extracomment>the typed :class:`PlanRow` of a row days past the due date (0 when not overdue) stored values of the statuses an action can be overdue in (raw rows hold plain strings)</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>Clinic case</source>
        <translation>门诊案例</translation>
    </message>
    <message>
        <source>%n days</source>
        <translation>%n 天</translation>
    </message>
</context>
<context>
    <name>AddCompanyDialog</name>
    <message>
        <source>Add a company to the chain</source>
        <translation>把企业加入产业链</translation>
    </message>
    <message>
        <source>Search companies</source>
        <translation>搜索企业</translation>
    </message>
    <message>
        <source>As a chain &amp;leader</source>
        <translation>作为链主企业(&amp;L)</translation>
    </message>
    <message>
        <source>As a supplier (select its customer in the tree)</source>
        <translation>作为供应商（请先在树中选中它的客户）</translation>
    </message>
    <message>
        <source>As a &amp;supplier of “%1”</source>
        <translation>作为“%1”的供应商(&amp;S)</translation>
    </message>
    <message>
        <source>Every company in the address book is in this chain already: add a new one on the Organizations page first.</source>
        <translation>企业名录中的企业都已在这条产业链中，请先在“企业”页面新建企业。</translation>
    </message>
</context>
<context>
    <name>AnswerInput</name>
    <message>
        <source>N/A</source>
        <extracomment>returned by ``for_key`` when a key means nothing to the input</extracomment>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not applicable (key N)</source>
        <translation>不适用（按键 N）</translation>
    </message>
    <message>
        <source>N = not applicable</source>
        <translation>N = 不适用</translation>
    </message>
    <message>
        <source>Delete = clear</source>
        <translation>Delete = 清除</translation>
    </message>
    <message>
        <source>Enter = next question</source>
        <translation>Enter = 下一题</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Fully met</source>
        <translation>完全满足</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Partly met</source>
        <translation>部分满足</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>不满足</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>not in place</source>
        <translation>未建立</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>初始级</translation>
    </message>
    <message>
        <source>managed</source>
        <translation>管理级</translation>
    </message>
    <message>
        <source>defined</source>
        <translation>定义级</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>量化级</translation>
    </message>
    <message>
        <source>optimising</source>
        <translation>优化级</translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation>签字人姓名</translation>
    </message>
</context>
<context>
    <name>AnswerWriter</name>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>%1 was changed in another window; it now reads: %2.

Your note was not saved. It is still in the note box and is saved when you leave the box.</source>
        <translation>%1 已在另一个窗口中被修改，现在的答案是：%2。

您的备注尚未保存。它仍保留在备注框中，离开备注框时将会保存。</translation>
    </message>
    <message>
        <source>%1 was changed in another window; it now reads: %2.

Your change was not saved. The answer shown is the one stored now.</source>
        <translation>%1 已在另一个窗口中被修改，现在的答案是：%2。

您的修改未保存。现在显示的是已保存的答案。</translation>
    </message>
    <message>
        <source>Changed in another window</source>
        <translation>已在另一个窗口中修改</translation>
    </message>
</context>
<context>
    <name>AssessmentListModel</name>
    <message>
        <source>Organization</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search organization, title or checklist</source>
        <translation>搜索企业、标题或检查表</translation>
    </message>
    <message>
        <source>My visits</source>
        <translation>我的走访</translation>
    </message>
    <message>
        <source>Visits assigned to me, or with my name on the expert team (me: the signed-in user, or the name in Settings)</source>
        <translation>分配给我、或专家组中有我名字的走访（“我”指已登录的用户，未登录时为设置中的姓名）</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>&amp;Consultant:</source>
        <translation>顾问(&amp;C)：</translation>
    </message>
    <message>
        <source>Assign the visit</source>
        <translation>分配走访</translation>
    </message>
    <message>
        <source>Assign the visit of %1 to:</source>
        <translation>将 %1 的走访分配给：</translation>
    </message>
    <message>
        <source>Assign the organization</source>
        <translation>分配企业</translation>
    </message>
    <message>
        <source>Assign %1 to a consultant: their next sync brings it.</source>
        <translation>将 %1 分配给一位顾问：对方下次同步时即可收到。</translation>
    </message>
    <message>
        <source>Asking the server for the team…</source>
        <translation>正在向服务器查询团队成员…</translation>
    </message>
    <message>
        <source>The team could not be read from the server: %1</source>
        <translation>无法从服务器读取团队成员：%1</translation>
    </message>
</context>
<context>
    <name>AttachEvidenceDialog</name>
    <message>
        <source>Attach the analysis as evidence</source>
        <translation>将分析结果附为证据</translation>
    </message>
    <message>
        <source>The chart (PNG) and the analysis result (JSON) are attached to the chosen question.</source>
        <translation>图表（PNG）和分析结果（JSON）将附加到所选问题。</translation>
    </message>
    <message>
        <source>Search every question by id or text…</source>
        <translation>按编号或文字搜索所有问题…</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>说明(&amp;C)：</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>The organization has no unsigned assessment to attach evidence to.</source>
        <translation>该组织没有可附加证据的未签署评审。</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) match the search.</source>
        <translation>
            <numerusform>%n 个问题符合搜索条件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Questions about SPC, capability or MSA; type to search every question.</source>
        <translation>以下为涉及 SPC、过程能力或 MSA 的问题；输入文字可搜索全部问题。</translation>
    </message>
    <message>
        <source>No question mentions SPC, capability or MSA: every question is listed.</source>
        <translation>没有问题涉及 SPC、过程能力或 MSA：已列出全部问题。</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Add photo or file…</source>
        <translation>添加照片或文件…</translation>
    </message>
    <message>
        <source>Or drop files on the card, or paste an image with Ctrl+V</source>
        <translation>也可将文件拖到卡片上，或用 Ctrl+V 粘贴图片</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>%1
Not on this computer yet: it arrives with the next sync.</source>
        <translation>%1
尚未传到本机：下次同步时送达。</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>附加证据</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CapabilityView</name>
    <message>
        <source>Set a lower and/or upper specification limit on the Chart tab to see the capability.</source>
        <translation>请在“控制图”页设置规格下限和/或上限，以查看过程能力。</translation>
    </message>
    <message>
        <source>%1 values from phase I without excluded points; within sigma %2 (%3), overall sigma %4.</source>
        <translation>第一阶段 %1 个数值（不含已剔除点）；组内 σ %2（%3），整体 σ %4。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cpk %1: &lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt;&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cpk %1：&lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt;&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Lower %1</source>
        <translation>下限 %1</translation>
    </message>
    <message>
        <source>Upper %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Expected within</source>
        <translation>组内预期</translation>
    </message>
    <message>
        <source>Expected overall</source>
        <translation>整体预期</translation>
    </message>
    <message>
        <source>PPM</source>
        <translation>PPM</translation>
    </message>
    <message>
        <source>&lt; LSL</source>
        <translation>&lt; LSL</translation>
    </message>
    <message>
        <source>&gt; USL</source>
        <translation>&gt; USL</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Register a clinic case</source>
        <translation>登记门诊案例</translation>
    </message>
    <message>
        <source>A problem the company brought to the clinic. Record the symptom as the company describes it; the diagnosis and the prescription come later.</source>
        <translation>企业带到质量门诊的问题。请按企业的描述记录症状；诊断和处方稍后填写。</translation>
    </message>
    <message>
        <source>&amp;Organization</source>
        <translation>企业(&amp;O)</translation>
    </message>
    <message>
        <source>NQI &amp;category</source>
        <translation>NQI 类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>The problem in a few words</source>
        <translation>用几句话概括问题</translation>
    </message>
    <message>
        <source>&amp;Symptom</source>
        <translation>症状(&amp;S)</translation>
    </message>
    <message>
        <source>What the company sees: data, complaints, dates</source>
        <translation>企业观察到的现象：数据、投诉、日期</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>走访(&amp;V)</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Symptom</source>
        <extracomment>a case was committed (its id): lists showing it refresh that row how many times the case&apos;s actions were (re)loaded (tests count reloads) the action dialog last opened (kept so tests and callers can reach it)</extracomment>
        <translation>症状</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Prescription</source>
        <translation>处方</translation>
    </message>
    <message>
        <source>The root cause the consultant found</source>
        <translation>顾问查明的根本原因</translation>
    </message>
    <message>
        <source>What the company should do, and by when</source>
        <translation>企业应采取的措施及完成时间</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>退回上一步</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Actions of this case</source>
        <translation>本案例的措施</translation>
    </message>
    <message>
        <source>Create action…</source>
        <translation>创建措施…</translation>
    </message>
    <message>
        <source>registered %1</source>
        <translation>登记于 %1</translation>
    </message>
    <message>
        <source>visit %1</source>
        <translation>走访 %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>Mark diagnosed</source>
        <translation>标记为已诊断</translation>
    </message>
    <message>
        <source>Mark prescribed</source>
        <translation>标记为已开方</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>标记为已解决</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>Organization</source>
        <extracomment>the :class:`CaseRow` of a row a value that sorts the column (dates as ISO text, statuses in workflow order)</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>NQI category</source>
        <translation>NQI 类别</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决日期</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Clinic cases</source>
        <extracomment>the register dialog last opened (kept so tests and callers can reach it)</extracomment>
        <translation>门诊案例</translation>
    </message>
    <message>
        <source>Search organization…</source>
        <translation>搜索企业…</translation>
    </message>
    <message>
        <source>Unresolved only</source>
        <translation>仅显示未解决</translation>
    </message>
    <message>
        <source>Register case…</source>
        <translation>登记案例…</translation>
    </message>
    <message>
        <source>Select a case to diagnose and prescribe.</source>
        <translation>选择一个案例进行诊断和开方。</translation>
    </message>
    <message>
        <source>All NQI categories</source>
        <translation>全部 NQI 类别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>%1 of %2 cases · %3 unresolved</source>
        <translation>%2 个案例中显示 %1 个 · %3 个未解决</translation>
    </message>
</context>
<context>
    <name>ChainDialog</name>
    <message>
        <source>New chain</source>
        <extracomment>an organization id in the pickers&apos; lists</extracomment>
        <translation>新建产业链</translation>
    </message>
    <message>
        <source>Edit chain</source>
        <translation>编辑产业链</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Sector:</source>
        <translation>所属产业(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>ChainListModel</name>
    <message>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>所属产业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>企业数</translation>
    </message>
</context>
<context>
    <name>ChainPrintDialog</name>
    <message>
        <source>Print chain report</source>
        <translation>打印产业链报告</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>统计期间：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Write:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>The report (PDF, verifiable)</source>
        <translation>报告（PDF，可验证）</translation>
    </message>
    <message>
        <source>Its tables (XLSX workbook)</source>
        <translation>报告表格（XLSX 工作簿）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The period must start on or before its last day.</source>
        <translation>统计期间的开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <source>Choose the report, its tables or both.</source>
        <translation>请选择输出报告、表格或两者。</translation>
    </message>
    <message>
        <source>Choose where to save.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <source>Grades are as of the period&apos;s last day and compared with the previous period of the same length; the workbook is saved beside the PDF, with the same name.</source>
        <translation>供应商等级按统计期间最后一天计，并与等长的上一期间比较；工作簿与 PDF 保存在同一文件夹，文件名相同。</translation>
    </message>
    <message>
        <source>Save the chain report</source>
        <translation>保存产业链报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ChainQuestions</name>
    <message>
        <source>Delete the chain “%1”?</source>
        <translation>删除产业链“%1”？</translation>
    </message>
    <message>
        <source>Its %1 companies stay in the address book with their assessments; only the chain and their places in it are deleted. You can undo this (Edit → Undo deletion).</source>
        <translation>链中的 %1 家企业及其评估仍保留在企业名录中，只删除这条产业链和企业在链中的位置。此操作可以撤销（编辑 → 撤销删除）。</translation>
    </message>
    <message>
        <source>Delete chain</source>
        <translation>删除产业链</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove “%1” from the chain?</source>
        <translation>把“%1”移出产业链？</translation>
    </message>
    <message>
        <source>Its %1 direct supplier(s) (%2 companies below it in all) stay in the chain and will then supply “%3” directly.</source>
        <translation>它的 %1 家直接供应商（其下共 %2 家企业）仍留在链中，改为直接向“%3”供货。</translation>
    </message>
    <message>
        <source>The company itself stays in the address book.</source>
        <translation>该企业本身仍保留在企业名录中。</translation>
    </message>
    <message>
        <source>Remove from chain</source>
        <translation>移出产业链</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>ChainTreeModel</name>
    <message>
        <source>Company</source>
        <extracomment>a chain row&apos;s :class:`ChainSummary` a tree row&apos;s organization id the drag payload: the dragged member&apos;s organization id (UTF-8)</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Supplier grade</source>
        <translation>供应商等级</translation>
    </message>
</context>
<context>
    <name>ChainsPage</name>
    <message>
        <source>Chains</source>
        <extracomment>the tables whose changes the page shows (organizations: names, regions; assessments: grades)</extracomment>
        <translation>产业链</translation>
    </message>
    <message>
        <source>&amp;New chain…</source>
        <translation>新建产业链(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit chain…</source>
        <translation>编辑产业链(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete chain…</source>
        <translation>删除产业链(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Add company…</source>
        <translation>添加企业(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>移到…(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Remove from chain</source>
        <translation>移出产业链(&amp;R)</translation>
    </message>
    <message>
        <source>New chain…</source>
        <translation>新建产业链…</translation>
    </message>
    <message>
        <source>Edit chain…</source>
        <translation>编辑产业链…</translation>
    </message>
    <message>
        <source>Delete chain…</source>
        <translation>删除产业链…</translation>
    </message>
    <message>
        <source>&amp;Print chain report…</source>
        <translation>打印产业链报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Print chain report…</source>
        <translation>打印产业链报告…</translation>
    </message>
    <message>
        <source>Add company…</source>
        <translation>添加企业…</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>移到…</translation>
    </message>
    <message>
        <source>Remove from chain</source>
        <translation>移出产业链</translation>
    </message>
    <message>
        <source>Drag a company onto its new customer to move it; the companies below it move with it. Insert adds, Ctrl+M moves, Delete removes.</source>
        <translation>把企业拖到它的新客户上即可移动，其下的企业随之一起移动。Insert 键添加，Ctrl+M 移动，Delete 键移出。</translation>
    </message>
    <message>
        <source>No chain selected</source>
        <translation>未选择产业链</translation>
    </message>
    <message>
        <source>Create a chain with “New chain…”, then add its leader.</source>
        <translation>请先用“新建产业链…”建立产业链，再添加链主企业。</translation>
    </message>
    <message>
        <source>%1 companies, %2 leader(s)</source>
        <translation>%1 家企业，%2 家链主</translation>
    </message>
    <message>
        <source>Undo deletion of “%1”</source>
        <translation>撤销删除“%1”</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>&amp;Chart:</source>
        <translation>控制图(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Rules:</source>
        <translation>判异准则(&amp;R)：</translation>
    </message>
    <message>
        <source>Phase I &amp;from:</source>
        <translation>第一阶段 从(&amp;F)：</translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation>至(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;LSL:</source>
        <translation>下限 LSL(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;USL:</source>
        <translation>上限 USL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标值(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;onstants:</source>
        <translation>系数(&amp;O)：</translation>
    </message>
    <message>
        <source>Nelson (8 tests)</source>
        <translation>Nelson 准则（8 项检验）</translation>
    </message>
    <message>
        <source>Western Electric (4 rules)</source>
        <translation>西方电气准则（4 条）</translation>
    </message>
    <message>
        <source>None (limits only)</source>
        <translation>无（仅控制限）</translation>
    </message>
    <message>
        <source>As tabled (Montgomery, qcc, Minitab)</source>
        <translation>按系数表（Montgomery、qcc、Minitab）</translation>
    </message>
    <message>
        <source>Computed exactly</source>
        <translation>精确计算</translation>
    </message>
    <message>
        <source>Control chart constants (d2, d3, c4, A2, D4…): the published table values, as textbooks, qcc and Minitab use them, or computed from their definitions.</source>
        <translation>控制图系数（d2、d3、c4、A2、D4…）：采用公布的系数表数值（与教科书、qcc 和 Minitab 一致），或按定义精确计算。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Attach as &amp;evidence…</source>
        <translation>附为证据(&amp;E)…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>mid-spec</source>
        <translation>规格中值</translation>
    </message>
    <message>
        <source>UCL %1 · CL %2 · LCL %3 · %4 points, %5 excluded, %6 signals</source>
        <translation>UCL %1 · CL %2 · LCL %3 · %4 个点，剔除 %5 个，%6 个失控信号</translation>
    </message>
    <message>
        <source>constants as tabled</source>
        <translation>系数按系数表</translation>
    </message>
    <message>
        <source>constants computed exactly</source>
        <translation>系数精确计算</translation>
    </message>
    <message>
        <source>%1 incomplete subgroups left out</source>
        <translation>%1 个不完整子组未纳入</translation>
    </message>
    <message>
        <source>Click a point to exclude or include it.</source>
        <translation>点击数据点可将其剔除或纳入。</translation>
    </message>
</context>
<context>
    <name>ChecklistPreviewDialog</name>
    <message>
        <source>Install checklist</source>
        <translation>安装检查表</translation>
    </message>
    <message numerus="yes">
        <source>%1 · version %2 · %n question(s)</source>
        <translation>
            <numerusform>%1 · 版本 %2 · %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>安装</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1（按键 %2）</translation>
    </message>
</context>
<context>
    <name>CompaniesDialog</name>
    <message>
        <source>Companies behind the figure</source>
        <translation>该数字背后的企业</translation>
    </message>
    <message>
        <source>Double-click a company to open it.</source>
        <translation>双击企业即可打开。</translation>
    </message>
</context>
<context>
    <name>CompaniesModel</name>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>CompanyActionsModel</name>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare assessments</source>
        <translation>对比评审</translation>
    </message>
    <message>
        <source>Assessment &amp;A</source>
        <translation>评审 A(&amp;A)</translation>
    </message>
    <message>
        <source>Assessment &amp;B</source>
        <translation>评审 B(&amp;B)</translation>
    </message>
    <message>
        <source>This organization needs at least two assessments to compare.</source>
        <translation>该企业至少需要两次评审才能对比。</translation>
    </message>
    <message>
        <source>The two assessments use different checklists; sections are matched by id.</source>
        <translation>两次评审使用的检查表不同；章节按编号匹配。</translation>
    </message>
    <message>
        <source>The same assessment is chosen twice.</source>
        <translation>两次选择了同一个评审。</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Change B − A (points)</source>
        <translation>变化 B − A（百分点）</translation>
    </message>
</context>
<context>
    <name>ConflictFields</name>
    <message>
        <source>Name</source>
        <extracomment>the fields a person edits, by their column name (others show the column name itself)</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industrial chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Role in the chain</source>
        <translation>链上角色</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Chief quality officer</source>
        <translation>首席质量官</translation>
    </message>
    <message>
        <source>Chief quality officer&apos;s phone</source>
        <translation>首席质量官电话</translation>
    </message>
    <message>
        <source>Chief quality officer&apos;s email</source>
        <translation>首席质量官邮箱</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>资质</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Grade of finding</source>
        <translation>发现项等级</translation>
    </message>
    <message>
        <source>NQI category</source>
        <translation>NQI 类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Prescription</source>
        <translation>处方</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Verification note</source>
        <translation>验证说明</translation>
    </message>
    <message>
        <source>Effectiveness check</source>
        <translation>有效性确认</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Organization</source>
        <extracomment>the :class:`ConflictDetail` of a row</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>服务器上的</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Kept mine</source>
        <translation>保留了我的</translation>
    </message>
    <message>
        <source>Kept theirs</source>
        <translation>采用了服务器的</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Sync conflicts</source>
        <extracomment>the merged-value editor last opened (kept so tests can reach it)</extracomment>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>When this computer and another changed the same field, the server kept the value that arrived first. Choose the value that stays: it is sent at the next sync like any edit.</source>
        <translation>本机和另一台设备修改了同一字段时，服务器保留先到达的值。请选择最终保留的值：它会像普通修改一样在下次同步时发送。</translation>
    </message>
    <message>
        <source>Show &amp;resolved</source>
        <translation>显示已处理(&amp;R)</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Mine (not kept by the server)</source>
        <translation>我的（服务器未采用）</translation>
    </message>
    <message>
        <source>Theirs (on the server)</source>
        <translation>服务器上的（当前值）</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>采用服务器的(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Edit merged value…</source>
        <translation>编辑合并值(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n 个待处理的冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>No open conflict: everything synced agrees.</source>
        <translation>没有待处理的冲突：已同步的数据一致。</translation>
    </message>
    <message>
        <source>(the server hears of it at the next sync)</source>
        <translation>（下次同步时告知服务器）</translation>
    </message>
    <message>
        <source>(resolved elsewhere: closed here at the sync)</source>
        <translation>（已在别处处理：同步时本机随之关闭）</translation>
    </message>
    <message>
        <source>Resolved first elsewhere, which stands: %1</source>
        <translation>他人已先行处理，以先处理者为准：%1</translation>
    </message>
    <message>
        <source>%1 by %2 on %3: %4</source>
        <translation>%2 于 %3 %1：%4</translation>
    </message>
    <message>
        <source>%1 on %3: %4</source>
        <translation>%1（%3）：%4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>by %1 · %2</source>
        <translation>修改人：%1 · %2</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>修改人：%1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Suppliers and actions</source>
        <translation>供应商与整改</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>质量成效</translation>
    </message>
    <message>
        <source>Weakest suppliers</source>
        <translation>得分最低的供应商</translation>
    </message>
    <message>
        <source>Open actions by company</source>
        <translation>各企业未关闭整改项</translation>
    </message>
    <message>
        <source>Open actions by owner</source>
        <translation>各责任人未关闭整改项</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Suppliers graded</source>
        <translation>已评级供应商</translation>
    </message>
    <message>
        <source>Chief quality officers</source>
        <translation>首席质量官</translation>
    </message>
    <message>
        <source>Clinic services</source>
        <translation>门诊服务</translation>
    </message>
    <message>
        <source>Problems solved</source>
        <translation>已解决问题</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未关闭整改项</translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>%1 更新</translation>
    </message>
    <message>
        <source>The figures could not be computed.</source>
        <translation>统计数据未能算出。</translation>
    </message>
    <message>
        <source>tier %1: %2</source>
        <translation>%1 级 %2 家</translation>
    </message>
    <message>
        <source>leaders %1 · %2</source>
        <translation>链主 %1 家 · %2</translation>
    </message>
    <message>
        <source>%1 rose · %2 fell</source>
        <translation>升级 %1 家 · 降级 %2 家</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>appointed</source>
        <translation>已设立</translation>
    </message>
    <message>
        <source>visits %1 · assessments %2 · cases %3 · referrals %4</source>
        <translation>走访 %1 · 评估 %2 · 案例 %3 · 对接 %4</translation>
    </message>
    <message>
        <source>of %1 received</source>
        <translation>共受理 %1 个</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 项逾期</translation>
    </message>
    <message>
        <source>Suppliers by grade</source>
        <translation>按等级列出的供应商</translation>
    </message>
    <message>
        <source>Chief quality officers appointed</source>
        <translation>已设立首席质量官的企业</translation>
    </message>
    <message>
        <source>Companies with open actions</source>
        <translation>有未关闭整改项的企业</translation>
    </message>
    <message>
        <source>4 × 100% coverage</source>
        <translation>“4 个 100%”覆盖</translation>
    </message>
    <message>
        <source>Problems received and solved</source>
        <translation>受理与解决的问题</translation>
    </message>
</context>
<context>
    <name>DatasetImportDialog</name>
    <message>
        <source>Import SPC data</source>
        <translation>导入 SPC 数据</translation>
    </message>
    <message>
        <source>&amp;Open CSV or Excel file…</source>
        <translation>打开 CSV 或 Excel 文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste from Excel</source>
        <translation>从 Excel 粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Characteristic:</source>
        <translation>特性(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>数据布局(&amp;L)：</translation>
    </message>
    <message>
        <source>Value &amp;columns:</source>
        <translation>数值列(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Value column:</source>
        <translation>数值列(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Subgroup column:</source>
        <translation>子组列(&amp;S)：</translation>
    </message>
    <message>
        <source>C&amp;ount column:</source>
        <translation>计数列(&amp;O)：</translation>
    </message>
    <message>
        <source>Sample si&amp;ze column:</source>
        <translation>样本量列(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Part column:</source>
        <translation>零件列(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Operator column:</source>
        <translation>测量人列(&amp;O)：</translation>
    </message>
    <message>
        <source>P&amp;hase I column:</source>
        <translation>第一阶段列(&amp;H)：</translation>
    </message>
    <message>
        <source>A column that marks the subgroups that set the control limits (TRUE, 1, yes, I); the others are monitored against them</source>
        <translation>标记用于计算控制限的子组的列（TRUE、1、yes、I）；其余子组按这些控制限监控</translation>
    </message>
    <message>
        <source>&amp;LSL:</source>
        <translation>规格下限 LSL(&amp;L)：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;USL:</source>
        <translation>规格上限 USL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标值(&amp;T)：</translation>
    </message>
    <message>
        <source>mid-spec</source>
        <translation>规格中值</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; — how the data will be read</source>
        <translation>&lt;b&gt;预览&lt;/b&gt; — 数据的读取方式</translation>
    </message>
    <message>
        <source>Wide: one row per subgroup</source>
        <translation>宽表：每行一个子组</translation>
    </message>
    <message>
        <source>Long: a value and a subgroup column</source>
        <translation>长表：一列数值加一列子组</translation>
    </message>
    <message>
        <source>Attributes: counts and sample sizes</source>
        <translation>计数型：计数和样本量</translation>
    </message>
    <message>
        <source>Gage study: part, operator, value</source>
        <translation>量具研究：零件、测量人、数值</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Open SPC data</source>
        <translation>打开 SPC 数据</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>pasted data</source>
        <translation>粘贴的数据</translation>
    </message>
    <message>
        <source>Decimal comma or separator?</source>
        <translation>小数逗号还是分隔符？</translation>
    </message>
    <message>
        <source>Every line looks like 74,000 and there is no header row to tell: is the comma a decimal comma (one column of numbers) or does it separate two columns?</source>
        <translation>每一行都形如 74,000，且没有表头行可以判断：逗号是小数点（一列数值），还是两列之间的分隔符？</translation>
    </message>
    <message>
        <source>Decimal comma</source>
        <translation>小数逗号</translation>
    </message>
    <message>
        <source>Separates columns</source>
        <translation>列分隔符</translation>
    </message>
    <message>
        <source>%1: %2 columns, %3 data rows</source>
        <translation>%1：%2 列，%3 行数据</translation>
    </message>
    <message>
        <source>(each sample counts 1)</source>
        <translation>（每个样本计为 1）</translation>
    </message>
    <message>
        <source>(none: phase I is chosen on the chart)</source>
        <translation>（无：在控制图页选择第一阶段）</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>none (one column)</source>
        <translation>无（单列）</translation>
    </message>
    <message>
        <source>decimal comma</source>
        <translation>小数逗号</translation>
    </message>
    <message>
        <source>decimal point</source>
        <translation>小数点</translation>
    </message>
    <message>
        <source>separator: %1, %2</source>
        <translation>分隔符：%1，%2</translation>
    </message>
    <message>
        <source>Open a file or paste data copied from Excel.</source>
        <translation>请打开文件，或粘贴从 Excel 复制的数据。</translation>
    </message>
    <message>
        <source>subgroups %1 do not have %2 values; X̄-R and X̄-S give them their own limits</source>
        <translation>子组 %1 的数值个数不是 %2；X̄-R 图和 X̄-S 图会按各自的子组容量计算控制限</translation>
    </message>
    <message>
        <source>phase I subgroups are not one run; phase I is %1</source>
        <translation>第一阶段的子组不连续；第一阶段取 %1</translation>
    </message>
    <message>
        <source>phase column, %1 is neither phase I (TRUE, 1, yes) nor II</source>
        <translation>阶段列中 %1 既不是第一阶段（TRUE、1、yes）也不是第二阶段</translation>
    </message>
    <message>
        <source>Cells that are not numbers are imported blank: the analysis asks whether to go on without them, or fix them in the data grid.</source>
        <translation>不是数字的单元格将以空值导入：分析前会询问是否略去它们继续，也可以在数据表中修正。</translation>
    </message>
    <message>
        <source>%1 measurements: %2 parts × %3 operators</source>
        <translation>%1 个测量值：%2 个零件 × %3 名测量人</translation>
    </message>
    <message>
        <source>%1 subgroups of size %2 (%3 values)</source>
        <translation>%1 个子组，子组容量 %2（共 %3 个数值）</translation>
    </message>
    <message>
        <source>phase I: subgroups %1–%2</source>
        <translation>第一阶段：子组 %1–%2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 项</translation>
    </message>
    <message>
        <source>Imported data</source>
        <translation>导入的数据</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>Deletions</name>
    <message>
        <source>Delete “%1”?</source>
        <translation>删除“%1”？</translation>
    </message>
    <message>
        <source>It has %2 assessment(s) (%3 signed), %4 action(s) (%5 open), %6 clinic case(s) and %7 site(s).</source>
        <translation>该企业有 %2 份评审（其中 %3 份已签署）、%4 项改进措施（%5 项未关闭）、%6 个门诊案例和 %7 个厂区。</translation>
    </message>
    <message>
        <source>Nothing of this is lost: its assessments and reports still open and print, the organization&apos;s name marked “(deleted)”. It and its sites leave the lists.</source>
        <translation>这些记录都不会丢失：其评审和报告仍可打开和打印，企业名称后标注“（已删除）”。该企业及其厂区将不再出现在列表中。</translation>
    </message>
    <message>
        <source>Its signed assessments stay signed and unchanged.</source>
        <translation>已签署的评审保持签署状态，内容不变。</translation>
    </message>
    <message>
        <source>You can undo this (Edit → Undo deletion).</source>
        <translation>此操作可以撤销（编辑 → 撤销删除）。</translation>
    </message>
    <message>
        <source>Delete the site “%1”?</source>
        <translation>删除厂区“%1”？</translation>
    </message>
    <message>
        <source>%2 visit(s) were made there; they and their assessments are kept and still name the site. You can undo this (Edit → Undo deletion).</source>
        <translation>在该厂区进行过 %2 次走访；这些走访及其评审都会保留，并仍显示该厂区名称。此操作可以撤销（编辑 → 撤销删除）。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Delete organization</source>
        <translation>删除企业</translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation>删除厂区</translation>
    </message>
    <message>
        <source>Undo deletion of “%1”</source>
        <translation>撤销删除“%1”</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>capable for a new process</source>
        <extracomment>Short verdicts for a tile (the stored result carries the long bilingual sentence).</extracomment>
        <translation>能力充分（满足新过程要求）</translation>
    </message>
    <message>
        <source>capable</source>
        <translation>能力充分</translation>
    </message>
    <message>
        <source>conditionally capable</source>
        <translation>能力有条件满足</translation>
    </message>
    <message>
        <source>not capable</source>
        <translation>能力不足</translation>
    </message>
    <message>
        <source>Analysis (unreadable)</source>
        <translation>分析结果（无法读取）</translation>
    </message>
    <message>
        <source>%n violation(s)</source>
        <translation>%n 处违规</translation>
    </message>
    <message>
        <source>%Linearity %1 · slope %2</source>
        <translation>%线性度 %1 · 斜率 %2</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析结果</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>&amp;Chain</source>
        <translation>产业链(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>时期(&amp;P)</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>All chains</source>
        <translation>全部产业链</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Question id or words of its text, then Enter</source>
        <translation>输入问题编号或题目中的文字，然后按 Enter</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>No such question</source>
        <translation>没有此问题</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Raise a finding</source>
        <translation>提出发现项</translation>
    </message>
    <message>
        <source>&amp;Severity</source>
        <translation>严重程度(&amp;S)</translation>
    </message>
    <message>
        <source>NQI &amp;category</source>
        <translation>NQI 类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>What was found, against which requirement</source>
        <translation>发现了什么，对应哪项要求</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>证据(&amp;E)</translation>
    </message>
    <message>
        <source>Records sampled, people interviewed, photos taken</source>
        <translation>抽查的记录、访谈的人员、拍摄的照片</translation>
    </message>
    <message>
        <source>Record finding</source>
        <translation>记录发现项</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>NQI category</source>
        <translation>NQI 类别</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>措施</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Create action…</source>
        <extracomment>the action dialog last opened (kept so tests and callers can reach it)</extracomment>
        <translation>创建措施…</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 个发现项</numerusform>
        </translation>
    </message>
    <message>
        <source>No assessment</source>
        <translation>无评审</translation>
    </message>
    <message>
        <source>Refer to a service provider…</source>
        <translation>转介给服务机构…</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>证据：</translation>
    </message>
</context>
<context>
    <name>GageView</name>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Tolerance (USL − LSL):</source>
        <translation>公差（USL − LSL）(&amp;T)：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>ANOVA</source>
        <translation>方差分析法（ANOVA）</translation>
    </message>
    <message>
        <source>X̄-R (average and range)</source>
        <translation>均值极差法（X̄-R）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%GRR %1%: &lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt;&lt;/b&gt; · ndc = %4 %5</source>
        <translation>&lt;b&gt;%GRR %1%：&lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt;&lt;/b&gt; · ndc = %4 %5</translation>
    </message>
    <message>
        <source>(fewer than 5 distinct categories)</source>
        <translation>（可区分类别数少于 5）</translation>
    </message>
    <message>
        <source>Total gage R&amp;R</source>
        <translation>量具 R&amp;R 合计</translation>
    </message>
    <message>
        <source>Repeatability (EV)</source>
        <translation>重复性（EV）</translation>
    </message>
    <message>
        <source>Reproducibility (AV)</source>
        <translation>再现性（AV）</translation>
    </message>
    <message>
        <source>  Operator</source>
        <translation>  测量人</translation>
    </message>
    <message>
        <source>  Part × operator</source>
        <translation>  零件 × 测量人</translation>
    </message>
    <message>
        <source>Part-to-part (PV)</source>
        <translation>零件间变差（PV）</translation>
    </message>
    <message>
        <source>Total variation (TV)</source>
        <translation>总变差（TV）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Std. dev.</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>% Contribution</source>
        <translation>% 贡献率</translation>
    </message>
    <message>
        <source>% Study var</source>
        <translation>% 研究变差</translation>
    </message>
    <message>
        <source>% Tolerance</source>
        <translation>% 公差</translation>
    </message>
</context>
<context>
    <name>GapList</name>
    <message>
        <source>Completion check</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <source>%1 gap(s) must be closed before the assessment can be completed.</source>
        <translation>须先关闭 %1 个缺项，才能完成评审。</translation>
    </message>
    <message>
        <source>%1 question(s) are not answered.</source>
        <translation>%1 个问题尚未作答。</translation>
    </message>
    <message>
        <source>Nothing is missing.</source>
        <translation>没有遗漏项。</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Installed versions</source>
        <translation>已安装的版本</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Checklist library</source>
        <translation>检查表库</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Import a checklist</source>
        <translation>导入检查表</translation>
    </message>
    <message>
        <source>Excel workbooks (%1)</source>
        <translation>Excel 工作簿 (%1)</translation>
    </message>
    <message>
        <source>Export a checklist</source>
        <translation>导出检查表</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <extracomment>The navigation, top to bottom. Pages are imported and built on first use.</extracomment>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Chains</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Clinic cases</source>
        <translation>门诊案例</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>服务机构</translation>
    </message>
    <message>
        <source>Improvement plans</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>SPC / MSA</source>
        <translation>SPC / MSA</translation>
    </message>
    <message>
        <source>Checklist library</source>
        <translation>检查表库</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <extracomment>The home page: the first page of a start (unless the user last left the app elsewhere). how long after the first screen the sync status is first read plain sqlite3 (no SQLAlchemy before the first screen): is there any organization yet?</extracomment>
        <translation>数据文件：%1</translation>
    </message>
    <message>
        <source>Undo deletion</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>About QClinic</source>
        <translation>关于质量门诊</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Bundled fonts</source>
        <translation>随附字体</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>程序库</translation>
    </message>
    <message>
        <source>Qt and Python are linked dynamically: each is a separate file of the installation and can be replaced.</source>
        <translation>Qt 和 Python 以动态方式链接：二者都是安装目录中的独立文件，可以替换。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QClinic %1&lt;/h3&gt;&lt;p&gt;Quality clinic: assessments, findings, clinic cases and improvement plans for the factories of an industrial chain, offline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;质量门诊 QClinic %1&lt;/h3&gt;&lt;p&gt;质量门诊：为产业链上的工厂提供评审、发现项、门诊案例和改进计划管理，可离线使用。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>QClinic · Quality clinic</source>
        <translation>QClinic · 质量门诊</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About QClinic</source>
        <translation>关于质量门诊(&amp;A)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merged value</source>
        <translation>合并值</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Mine:</source>
        <translation>我的：</translation>
    </message>
    <message>
        <source>Theirs:</source>
        <translation>服务器上的：</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move “%1”</source>
        <translation>移动“%1”</translation>
    </message>
    <message>
        <source>Which company does it supply within the chain?</source>
        <translation>它在链中向哪家企业供货？</translation>
    </message>
    <message>
        <source>Search the chain&apos;s companies</source>
        <translation>搜索链中企业</translation>
    </message>
    <message>
        <source>None: make it a chain &amp;leader</source>
        <translation>无：设为链主企业(&amp;L)</translation>
    </message>
    <message>
        <source>The &amp;company chosen above</source>
        <translation>上面选中的企业(&amp;C)</translation>
    </message>
    <message>
        <source>The companies below it move with it.</source>
        <translation>其下的企业随之一起移动。</translation>
    </message>
</context>
<context>
    <name>MsaStudiesView</name>
    <message>
        <source>&amp;Study:</source>
        <translation>研究类型(&amp;S)：</translation>
    </message>
    <message>
        <source>Attribute agreement (kappa)</source>
        <translation>属性一致性分析（kappa）</translation>
    </message>
    <message>
        <source>Gage linearity and bias</source>
        <translation>量具线性与偏倚</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste from Excel</source>
        <translation>从 Excel 粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Attach as &amp;evidence…</source>
        <translation>附为证据(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Part column:</source>
        <translation>零件列(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Appraiser column:</source>
        <translation>评价人列(&amp;A)：</translation>
    </message>
    <message>
        <source>T&amp;rial column:</source>
        <translation>试验次数列(&amp;R)：</translation>
    </message>
    <message>
        <source>Ra&amp;ting column:</source>
        <translation>判定结果列(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Standard column:</source>
        <translation>标准值列(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Reference column:</source>
        <translation>参考值列(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Measurement column:</source>
        <translation>测量值列(&amp;M)：</translation>
    </message>
    <message>
        <source>Process &amp;variation (6σ):</source>
        <translation>过程变差（6σ）(&amp;V)：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Open a file or paste a table: for attribute agreement one rating per row (part, appraiser, trial, rating, optional standard); for linearity a reference and a measurement column.</source>
        <translation>请打开文件或粘贴表格：属性一致性分析每行一个判定（零件、评价人、试验次数、判定结果，可选标准值）；线性研究需要一列参考值和一列测量值。</translation>
    </message>
    <message>
        <source>Open MSA study</source>
        <translation>打开 MSA 研究数据</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>pasted data</source>
        <translation>粘贴的数据</translation>
    </message>
    <message>
        <source>%1: %2 columns, %3 rows</source>
        <translation>%1：%2 列，%3 行</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>kappa undefined</source>
        <translation>kappa 无法计算</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kappa %1: &lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt;&lt;/b&gt; · %4 parts × %5 appraisers × %6 trials</source>
        <translation>&lt;b&gt;Kappa %1：&lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt;&lt;/b&gt; · %4 个零件 × %5 名评价人 × %6 次试验</translation>
    </message>
    <message>
        <source>Within appraiser</source>
        <translation>评价人自身</translation>
    </message>
    <message>
        <source>Appraiser vs standard</source>
        <translation>评价人与标准</translation>
    </message>
    <message>
        <source>Between appraisers</source>
        <translation>评价人之间</translation>
    </message>
    <message>
        <source>All appraisers vs standard</source>
        <translation>所有评价人与标准</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohen kappa</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Appraiser</source>
        <translation>评价人</translation>
    </message>
    <message>
        <source>Matched / inspected</source>
        <translation>一致数 / 检验数</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Process variation: %1 is not a number</source>
        <translation>过程变差：%1 不是数字</translation>
    </message>
    <message>
        <source>Bias = %1 + %2 × reference · R² %3 · p(slope) %4 · %Linearity %5</source>
        <translation>偏倚 = %1 + %2 × 参考值 · R² %3 · p（斜率）%4 · %线性 %5</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考值</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏倚</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>% Bias</source>
        <translation>% 偏倚</translation>
    </message>
</context>
<context>
    <name>MultiInput</name>
    <message>
        <source>key %1</source>
        <translation>按键 %1</translation>
    </message>
    <message>
        <source>1–%1 = tick or untick an option</source>
        <translation>1–%1 = 勾选或取消选项</translation>
    </message>
</context>
<context>
    <name>NumericInput</name>
    <message>
        <source>Type the value, then Enter</source>
        <translation>输入数值，然后按 Enter</translation>
    </message>
</context>
<context>
    <name>OrganizationDetail</name>
    <message>
        <source>Select an organization to see its assessments, actions, cases and sites.</source>
        <translation>选择一家企业，查看其评审、措施、案例和厂区。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Start assessment…</source>
        <translation>开始评审…</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <source>Two assessments side by side, with a radar</source>
        <translation>并排对比两次评审，含雷达图</translation>
    </message>
    <message>
        <source>New site name</source>
        <translation>新厂区名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>添加厂区</translation>
    </message>
    <message>
        <source>Delete site…</source>
        <translation>删除厂区…</translation>
    </message>
    <message>
        <source>Outcomes (%1)</source>
        <translation>质量成效（%1）</translation>
    </message>
    <message>
        <source>Credit code %1</source>
        <translation>信用代码 %1</translation>
    </message>
    <message>
        <source>No credit code</source>
        <translation>无信用代码</translation>
    </message>
    <message>
        <source>Chief quality officer:</source>
        <translation>首席质量官：</translation>
    </message>
    <message>
        <source>No chief quality officer recorded.</source>
        <translation>未登记首席质量官。</translation>
    </message>
    <message>
        <source>%1 (leader)</source>
        <translation>%1（链主）</translation>
    </message>
    <message>
        <source>%1 (tier %2 supplier)</source>
        <translation>%1（%2 级供应商）</translation>
    </message>
    <message>
        <source>Chains: %1</source>
        <translation>所在产业链：%1</translation>
    </message>
    <message>
        <source>Not in any chain yet.</source>
        <translation>尚未加入任何产业链。</translation>
    </message>
    <message>
        <source>Assessments (%1)</source>
        <translation>评审（%1）</translation>
    </message>
    <message>
        <source>Open actions (%1)</source>
        <translation>未关闭措施（%1）</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 项逾期</translation>
    </message>
    <message>
        <source>Clinic cases (%1)</source>
        <translation>门诊案例（%1）</translation>
    </message>
    <message>
        <source>Sites (%1)</source>
        <translation>厂区（%1）</translation>
    </message>
    <message>
        <source>Trend (oldest → newest): %1</source>
        <translation>趋势（由早到近）：%1</translation>
    </message>
    <message>
        <source>No scored assessment yet.</source>
        <translation>尚无已评分的评审。</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>a sort key (number or text) for the detail tables&apos; proxies</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>厂区</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>标准级别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>Organization</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Registered company name</source>
        <translation>企业注册名称</translation>
    </message>
    <message>
        <source>&amp;Credit code:</source>
        <translation>信用代码(&amp;C)：</translation>
    </message>
    <message>
        <source>18-character unified social credit code</source>
        <translation>18 位统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry c&amp;hain:</source>
        <translation>产业链(&amp;H)：</translation>
    </message>
    <message>
        <source>Chain &amp;role:</source>
        <translation>链上角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>规模(&amp;S)：</translation>
    </message>
    <message>
        <source>R&amp;egion:</source>
        <translation>地区(&amp;E)：</translation>
    </message>
    <message>
        <source>Province and city</source>
        <translation>省、市</translation>
    </message>
    <message>
        <source>Chief quality officer</source>
        <translation>首席质量官</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>邮箱(&amp;M)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <source>Edit organization</source>
        <translation>编辑企业</translation>
    </message>
    <message>
        <source>✓ Valid credit code</source>
        <translation>✓ 信用代码有效</translation>
    </message>
</context>
<context>
    <name>OrganizationsModel</name>
    <message>
        <source>Name</source>
        <extracomment>returns the row&apos;s :class:`OrganizationSummary` up to this many rows added or removed by a refresh are inserted / removed one by one</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Chain role</source>
        <translation>链上角色</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Latest grade</source>
        <translation>最新等级</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <source>Organizations</source>
        <extracomment>tables whose changes the list (grades) or the detail shows</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <source>Search name, credit code or region</source>
        <translation>搜索名称、信用代码或地区</translation>
    </message>
    <message>
        <source>New organization…</source>
        <translation>新建企业…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>All chains</source>
        <translation>全部产业链</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>共 %1 家</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2 家</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record outcome</source>
        <translation>登记成效数据</translation>
    </message>
    <message>
        <source>Edit outcome</source>
        <translation>修改成效数据</translation>
    </message>
    <message>
        <source>e.g. company MES report, CNAS certificate</source>
        <translation>例如：企业 MES 报表、CNAS 证书</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Standard level</source>
        <translation>标准级别</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Date (visit or quarter end)</source>
        <translation>日期（走访日或季度末）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OutcomeTotalsPanel</name>
    <message>
        <source>Computing the outcome totals…</source>
        <translation>正在汇总质量成效数据…</translation>
    </message>
    <message>
        <source>No company of these chains reported outcome figures dated in this period.</source>
        <translation>本期内，所选产业链的企业均未登记质量成效数据。</translation>
    </message>
    <message>
        <source>no figures</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>%1, change over %2</source>
        <translation>%1，其中 %2 家前后可比</translation>
    </message>
    <message>
        <source>%1, by level</source>
        <translation>%1（按标准级别）</translation>
    </message>
    <message>
        <source>1 company</source>
        <translation>1 家企业</translation>
    </message>
    <message>
        <source>%1 companies</source>
        <translation>%1 家企业</translation>
    </message>
</context>
<context>
    <name>OutcomesPanel</name>
    <message>
        <source>Record outcome…</source>
        <extracomment>the outcome dialog last opened (kept so tests and callers can reach it)</extracomment>
        <translation>登记成效数据…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Pass rate, complaints, PPM, certificates, standards, patents and awards, per visit or quarter.</source>
        <translation>按走访或季度登记产品合格率、客户投诉、PPM、认证证书、制修订标准、专利和质量奖项。</translation>
    </message>
    <message>
        <source>Figures of %1</source>
        <translation>“%1”的各期数据</translation>
    </message>
    <message>
        <source>Delete outcome</source>
        <translation>删除成效数据</translation>
    </message>
    <message>
        <source>Delete the figure %1? The trend and the reports no longer show it.</source>
        <translation>删除这条数据（%1）吗？删除后趋势图和报告中将不再显示。</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>OwnerActionsModel</name>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>PhotoInput</name>
    <message>
        <source>Attach photos below: Add…, drop files or paste an image (Ctrl+V).</source>
        <translation>在下方附加照片：点击“添加…”、拖入文件或粘贴图片（Ctrl+V）。</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Improvement plans</source>
        <extracomment>the action dialog last opened (kept so tests and callers can reach it)</extracomment>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Findings → actions</source>
        <translation>发现项 → 措施</translation>
    </message>
    <message>
        <source>Search organization…</source>
        <translation>搜索企业…</translation>
    </message>
    <message>
        <source>Owner…</source>
        <translation>负责人…</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示逾期</translation>
    </message>
    <message>
        <source>Due before</source>
        <translation>截止日期早于</translation>
    </message>
    <message>
        <source>New action…</source>
        <translation>新建措施…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>验证…</translation>
    </message>
    <message>
        <source>Assessment:</source>
        <translation>评审：</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>%1 of %2 actions · %3 overdue</source>
        <translation>%2 项措施中显示 %1 项 · %3 项逾期</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Start (in progress)</source>
        <translation>开始（进行中）</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Accreditation number</source>
        <translation>资质编号</translation>
    </message>
    <message>
        <source>Accreditation scope</source>
        <translation>资质范围</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <source>Edit provider</source>
        <translation>编辑服务机构</translation>
    </message>
    <message>
        <source>Add provider</source>
        <translation>添加服务机构</translation>
    </message>
</context>
<context>
    <name>ProvidersModel</name>
    <message>
        <source>Provider</source>
        <translation>服务机构</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Accreditation</source>
        <translation>资质编号</translation>
    </message>
    <message>
        <source>Referrals (delivered)</source>
        <translation>转介（已交付）</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>Service providers</source>
        <translation>服务机构</translation>
    </message>
    <message>
        <source>Search name, region, accreditation…</source>
        <translation>搜索名称、地区或资质…</translation>
    </message>
    <message>
        <source>Add provider…</source>
        <translation>添加服务机构…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>%1 providers</source>
        <translation>共 %1 家服务机构</translation>
    </message>
    <message>
        <source>Referred to %1</source>
        <translation>转介给“%1”的服务</translation>
    </message>
    <message>
        <source>Select a provider to see what was referred to it.</source>
        <translation>选择一家服务机构，查看转介给它的服务。</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source>Critical (starred) question</source>
        <translation>关键（星号）问题</translation>
    </message>
    <message>
        <source>Statutory</source>
        <translation>法定项</translation>
    </message>
    <message>
        <source>A legal obligation: a failure is stated in the result, whatever the score.</source>
        <translation>法定义务：不符合时，无论得分多少都会在结论中写明。</translation>
    </message>
    <message>
        <source>Raise finding…</source>
        <translation>提出发现项…</translation>
    </message>
    <message>
        <source>Scored by bands: %1</source>
        <translation>分段计分：%1</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Note: evidence, observations…</source>
        <translation>备注：证据、观察…</translation>
    </message>
    <message>
        <source>A note is required for this score.</source>
        <translation>该评分须填写备注。</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>按键：%1</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <source>Refer to a service provider</source>
        <translation>转介给服务机构</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务机构</translation>
    </message>
    <message>
        <source>NQI field</source>
        <translation>NQI 领域</translation>
    </message>
    <message>
        <source>Service asked</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>转介日期</translation>
    </message>
    <message>
        <source>For example: calibrate the CMM to JJF 1064</source>
        <translation>例如：按 JJF 1064 校准三坐标测量机</translation>
    </message>
    <message>
        <source>Add a provider on the Providers page first.</source>
        <translation>请先在“服务机构”页面添加服务机构。</translation>
    </message>
</context>
<context>
    <name>ReferralsBox</name>
    <message>
        <source>Referrals</source>
        <translation>转介（供需对接）</translation>
    </message>
    <message>
        <source>Refer…</source>
        <translation>转介…</translation>
    </message>
    <message>
        <source>Attach evidence…</source>
        <translation>附交付证据…</translation>
    </message>
    <message>
        <source>Mark accepted</source>
        <translation>标记为已受理</translation>
    </message>
    <message>
        <source>Mark delivered</source>
        <translation>标记为已交付</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Attach delivery evidence</source>
        <translation>附交付证据</translation>
    </message>
    <message>
        <source>Certificates and reports (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>证书和报告 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <source>Provider</source>
        <translation>服务机构</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>转介日期</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Referred from</source>
        <translation>转介来源</translation>
    </message>
</context>
<context>
    <name>RegisterCaseDialog</name>
    <message>
        <source>(no visit)</source>
        <translation>（无走访）</translation>
    </message>
    <message>
        <source>Choose the organization.</source>
        <translation>请选择企业。</translation>
    </message>
    <message>
        <source>Give the case a title.</source>
        <translation>请填写案例标题。</translation>
    </message>
</context>
<context>
    <name>RunnerIncoming</name>
    <message>
        <source>Changed on another computer while you typed: their note reads “%1”. Your note is kept; both are listed as a conflict.</source>
        <translation>您输入时，另一台电脑也改了这条备注：对方写的是“%1”。已保留您的备注，两者都记为冲突。</translation>
    </message>
</context>
<context>
    <name>RunnerView</name>
    <message>
        <source>← Assessments</source>
        <translation>← 评审</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Team…</source>
        <translation>专家组…</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>签字确认…</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>打印报告…</translation>
    </message>
    <message>
        <source>Print plan…</source>
        <translation>打印计划…</translation>
    </message>
</context>
<context>
    <name>RunnerWidget</name>
    <message>
        <source>Answer %1</source>
        <extracomment>tables whose rows the runner shows: a change made elsewhere is loaded when it shows again the assessment shown changed (an amendment was opened) — carries its id</extracomment>
        <translation>作答 %1</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Working out what would lift the grade…</source>
        <translation>正在分析如何提升等级…</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Why this grade</source>
        <translation>等级依据</translation>
    </message>
    <message>
        <source>What would lift it</source>
        <translation>如何提升</translation>
    </message>
    <message>
        <source>Grade %1 · %2</source>
        <translation>等级 %1 · %2</translation>
    </message>
    <message>
        <source>No grade yet</source>
        <translation>尚无等级</translation>
    </message>
    <message>
        <source>Maturity %1 of 5</source>
        <translation>成熟度 %1 / 5</translation>
    </message>
    <message>
        <source>There is no grade to lift yet.</source>
        <translation>尚无可提升的等级。</translation>
    </message>
    <message>
        <source>This is already the best grade.</source>
        <translation>已是最高等级。</translation>
    </message>
    <message>
        <source>Grade %1 cannot be reached by raising answered questions alone.</source>
        <translation>仅提高已答问题的得分无法达到等级 %1。</translation>
    </message>
    <message>
        <source>Raising these answers would lift the grade to %1 (%2):</source>
        <translation>提高以下答案可将等级提升至 %1（%2）：</translation>
    </message>
</context>
<context>
    <name>SectionCompareModel</name>
    <message>
        <source>Section</source>
        <extracomment>A change smaller than this (percentage points) shows as unchanged.</extracomment>
        <translation>章节</translation>
    </message>
    <message>
        <source>A (%)</source>
        <translation>A（%）</translation>
    </message>
    <message>
        <source>B (%)</source>
        <translation>B（%）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
</context>
<context>
    <name>SectionNavigator</name>
    <message>
        <source>Add step</source>
        <extracomment>item data: (page section id, instance, anchor section id); for a repeated section&apos;s own item the instance is None</extracomment>
        <translation>添加工序</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ServerSettingsTab</name>
    <message>
        <source>Asking the server…</source>
        <extracomment>the account changed (signed in or out): the status bar refreshes, a sync may start</extracomment>
        <translation>正在询问服务器…</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>已作为 %1（%2）登录。</translation>
    </message>
    <message>
        <source>Signed out. Your data stays on this computer.</source>
        <translation>已退出登录。您的数据仍保存在本机。</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>The app syncs on its own while you are signed in: every few minutes when the server answers, after a sign-off, and before quitting if you agree. Without a server, everything keeps working on this computer.</source>
        <translation>登录后，程序会自动同步：服务器可访问时每隔几分钟一次、评估签署之后，以及在您同意时于退出前同步。没有服务器时，所有功能照常在本机使用。</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (%3).</source>
        <translation>已作为 %2（%3）登录 %1。</translation>
    </message>
    <message>
        <source>The sign-in has expired: enter your password and sign in again.</source>
        <translation>登录已失效：请输入密码重新登录。</translation>
    </message>
    <message>
        <source>Not signed in: the data stays on this computer.</source>
        <translation>尚未登录：数据保存在本机。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The window switches at once; no restart is needed.</source>
        <translation>窗口立即切换，无需重启。</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>您的姓名(&amp;Y)</translation>
    </message>
    <message>
        <source>Leads the expert team of the assessments you start</source>
        <translation>作为您发起的评估的专家组组长</translation>
    </message>
    <message>
        <source>Printed reports</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Report &amp;language</source>
        <translation>报告语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Issuing body</source>
        <translation>出具单位(&amp;I)</translation>
    </message>
    <message>
        <source>Printed on the report cover, e.g. the clinic&apos;s institute</source>
        <translation>印在报告封面上，例如质量门诊所属机构</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
    <message>
        <source>&amp;Choose image…</source>
        <translation>选择图片(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>General</source>
        <extracomment>Language names are shown in their own language, so anyone can find theirs.</extracomment>
        <translation>常规</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Follow the system (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无徽标</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>选择徽标</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off the assessment</source>
        <translation>评审签字确认</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>顾问</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Draw signature</source>
        <translation>手写签名</translation>
    </message>
    <message>
        <source>Typed name only</source>
        <translation>仅输入姓名</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <source>Company representative</source>
        <translation>企业代表</translation>
    </message>
    <message>
        <source>Once signed, the assessment can no longer be edited; a correction is made as an amended revision.</source>
        <translation>签署后评审不可再编辑；如需更正，须通过修订生成新版本。</translation>
    </message>
    <message>
        <source>Lead expert</source>
        <translation>专家组组长</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>专家组成员</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Score: %1%</source>
        <translation>得分：%1%</translation>
    </message>
    <message>
        <source>Grade: %1</source>
        <translation>等级：%1</translation>
    </message>
    <message>
        <source>%1 question(s) are unanswered; they are signed as not answered.</source>
        <translation>%1 个问题未作答，将按未作答签署。</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>手写</translation>
    </message>
    <message>
        <source>typed name</source>
        <translation>输入姓名</translation>
    </message>
    <message>
        <source>✔ Signed at %1 (%2)</source>
        <translation>✔ 已于 %1 签字（%2）</translation>
    </message>
    <message>
        <source>Enter the signer&apos;s name</source>
        <translation>请输入签字人姓名</translation>
    </message>
    <message>
        <source>Sign on the pad, or choose a typed name</source>
        <translation>请在签名板上签字，或选择仅输入姓名</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Erase the signature and sign again</source>
        <translation>擦除签名并重新签字</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>请在此签字</translation>
    </message>
    <message>
        <source>Typed name only</source>
        <translation>仅输入姓名</translation>
    </message>
</context>
<context>
    <name>SpcPage</name>
    <message>
        <source>SPC / MSA</source>
        <translation>SPC / MSA</translation>
    </message>
    <message>
        <source>Search datasets…</source>
        <translation>搜索数据集…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Add subgroup</source>
        <translation>添加子组(&amp;A)</translation>
    </message>
    <message>
        <source>Control chart</source>
        <translation>控制图</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>过程能力</translation>
    </message>
    <message>
        <source>Gage R&amp;&amp;R</source>
        <translation>量具 R&amp;&amp;R</translation>
    </message>
    <message>
        <source>Linearity · attribute agreement</source>
        <translation>线性 · 属性一致性</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Import or create a dataset to start.</source>
        <translation>请导入或新建数据集以开始。</translation>
    </message>
    <message>
        <source>Analysing %1 values… %2 %</source>
        <translation>正在分析 %1 个数值… %2 %</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <source>Each subgroup keeps the values it has and gets its own limits. You can also cancel and fill the values in the Data tab.</source>
        <translation>每个子组保留已有的数值，并按各自的子组容量计算控制限。也可以取消，在“数据”页补全数值。</translation>
    </message>
    <message>
        <source>&amp;Proceed without them</source>
        <translation>略去并继续(&amp;P)</translation>
    </message>
    <message>
        <source>subgroup %1 position %2</source>
        <translation>子组 %1 第 %2 个值</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <source>%1 values are empty or were not numbers: %2</source>
        <translation>%1 个数值为空或不是数字：%2</translation>
    </message>
    <message>
        <source>Not analysed: fill them in the Data tab, or change a chart setting to be asked again.</source>
        <translation>未分析：请在“数据”页补全，或更改控制图设置以再次选择。</translation>
    </message>
    <message>
        <source>A gage study: see the Gage R&amp;R tab.</source>
        <translation>这是量具研究：请查看“量具 R&amp;R”页。</translation>
    </message>
    <message>
        <source>Exclude point %1</source>
        <translation>剔除点 %1</translation>
    </message>
    <message>
        <source>Why is this point left out of the control limits?</source>
        <translation>为何将该点排除在控制限计算之外？</translation>
    </message>
    <message>
        <source>New dataset</source>
        <translation>新建数据集</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Subgroup size:</source>
        <translation>子组容量：</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>StartAssessmentDialog</name>
    <message>
        <source>Start an assessment</source>
        <translation>开始评审</translation>
    </message>
    <message>
        <source>&amp;Visit kind:</source>
        <translation>走访类型(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>厂区(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Checklist:</source>
        <translation>检查表(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>(no particular site)</source>
        <translation>（不指定厂区）</translation>
    </message>
    <message>
        <source>Expert team</source>
        <translation>专家组</translation>
    </message>
    <message>
        <source>Version %1 · %2 questions</source>
        <translation>版本 %1 · %2 个问题</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交付日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>From %1 (the step before) to today.</source>
        <translation>可选日期：%1（上一步的日期）至今天。</translation>
    </message>
    <message>
        <source>Optional: certificate number, who confirmed…</source>
        <translation>选填：证书编号、确认人等</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync</source>
        <extracomment>changes after which the app syncs soon (a sign-off: the signed report should reach the office) a sync ended: &quot;done&quot;, &quot;cancelled&quot;, &quot;offline&quot;, &quot;expired&quot; or &quot;failed&quot; the status bar shows a new status</extracomment>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sign in to a sync server first: File → Settings → Server.</source>
        <translation>请先登录同步服务器：文件 → 设置 → 服务器。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Quit QClinic</source>
        <translation>退出 QClinic</translation>
    </message>
    <message>
        <source>Changes not synced yet: %1.</source>
        <translation>尚未同步的更改：%1 项。</translation>
    </message>
    <message>
        <source>They are safe on this computer. Sync them before quitting?</source>
        <translation>这些更改已安全保存在本机。是否在退出前同步？</translation>
    </message>
    <message>
        <source>Sync and quit</source>
        <translation>同步后退出</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>直接退出</translation>
    </message>
    <message>
        <source>The sync did not finish; your changes are safe here. Quit anyway?</source>
        <translation>同步未完成；您的更改已安全保存在本机。仍要退出吗？</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>QClinic bundles (*.qcbundle)</source>
        <translation>QClinic 数据包 (*.qcbundle)</translation>
    </message>
    <message>
        <source>Exporting the bundle…</source>
        <translation>正在导出数据包…</translation>
    </message>
    <message>
        <source>Changes exported: %1.
File: %2</source>
        <translation>已导出更改：%1 项。
文件：%2</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <source>Applied: %1. Already here: %2. Not applied: %3.</source>
        <translation>已应用：%1 项。本机已有：%2 项。未应用：%3 项。</translation>
    </message>
    <message>
        <source>Attachments copied in: %1.</source>
        <translation>已复制附件：%1 个。</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sync &amp;log…</source>
        <translation>同步日志(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import bundle…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>SyncLogDialog</name>
    <message>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>Nothing has been synced yet.</source>
        <translation>尚未进行过同步。</translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>本机已有</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Syncing…</source>
        <extracomment>the text was clicked: show the sync log Cancel was clicked while syncing</extracomment>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Not signed in to a sync server</source>
        <translation>未登录同步服务器</translation>
    </message>
    <message>
        <source>Sign-in expired: sign in again in Settings → Server</source>
        <translation>登录已失效：请在“设置 → 服务器”中重新登录</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 项冲突</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 项冲突</translation>
    </message>
    <message>
        <source>%1 changes and %2 photos waiting</source>
        <translation>%1 项更改和 %2 张照片待同步</translation>
    </message>
    <message>
        <source>1 change and %2 photos waiting</source>
        <translation>1 项更改和 %2 张照片待同步</translation>
    </message>
    <message>
        <source>1 change and 1 photo waiting</source>
        <translation>1 项更改和 1 张照片待同步</translation>
    </message>
    <message>
        <source>%1 changes and 1 photo waiting</source>
        <translation>%1 项更改和 1 张照片待同步</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 项更改待同步</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 项更改待同步</translation>
    </message>
    <message>
        <source>Show the sync log</source>
        <translation>查看同步日志</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Expert team</source>
        <translation>专家组</translation>
    </message>
    <message>
        <source>The consultants of this assessment: a lead expert and members.</source>
        <translation>本次评估的诊断专家：一位组长和若干成员。</translation>
    </message>
</context>
<context>
    <name>TeamEditor</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>资质 / 专业</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>&amp;Add member</source>
        <translation>添加成员(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>A team has one lead.</source>
        <translation>专家组只能有一位组长。</translation>
    </message>
</context>
<context>
    <name>TextInput</name>
    <message>
        <source>Type the answer, then Enter</source>
        <translation>输入答案，然后按 Enter</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>“%1” was deleted.</source>
        <translation>已删除“%1”。</translation>
    </message>
</context>
<context>
    <name>VdaInput</name>
    <message>
        <source>type the points: 0, 4, 6, 8, 1 0</source>
        <translation>直接键入分值：0、4、6、8、1 0（10 分）</translation>
    </message>
</context>
<context>
    <name>WeakestModel</name>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to QClinic</source>
        <translation>欢迎使用 QClinic</translation>
    </message>
    <message>
        <source>QClinic runs quality-clinic visits offline: score checklists on the shop floor, record findings and clinic cases, analyse SPC and MSA data, print the report.
Begin with the first company you visit, or look around a demo company first.</source>
        <translation>QClinic 离线支持质量门诊的全过程：在现场按检查表打分，记录发现项与门诊病例，分析 SPC 与 MSA 数据，打印诊断报告。
可以从您要走访的第一家企业开始，也可以先载入演示企业看一看。</translation>
    </message>
    <message>
        <source>Create the first organization…</source>
        <translation>创建第一家企业…</translation>
    </message>
    <message>
        <source>Load the demo company</source>
        <translation>载入演示企业</translation>
    </message>
    <message>
        <source>Loading the demo company…</source>
        <translation>正在载入演示企业…</translation>
    </message>
</context>
<context>
    <name>WorkbookProblemsDialog</name>
    <message>
        <source>Problems in the workbook</source>
        <translation>工作簿中的问题</translation>
    </message>
    <message>
        <source>Nothing was installed. The problems in %1 are listed below: click one to open the workbook, then go to the cell it names.</source>
        <translation>未安装任何内容。%1 中的问题列在下面：点击任一条即可打开工作簿，再转到它所指的单元格。</translation>
    </message>
    <message>
        <source>workbook</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <source>Open workbook</source>
        <translation>打开工作簿</translation>
    </message>
</context>
<context>
    <name>chain_print</name>
    <message>
        <source>Printing the chain report</source>
        <translation>正在打印产业链报告</translation>
    </message>
    <message>
        <source>Reading the chain&apos;s figures…</source>
        <translation>正在读取产业链数据…</translation>
    </message>
    <message>
        <source>Laying out the report&apos;s pages…</source>
        <translation>正在排版报告页面…</translation>
    </message>
    <message>
        <source>Writing the tables…</source>
        <translation>正在写入表格…</translation>
    </message>
    <message>
        <source>Chain report written</source>
        <translation>产业链报告已生成</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>已写入：</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行此操作</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>Something went wrong inside QClinic; your saved work is safe. The details were written to the log file.</source>
        <translation>QClinic 内部出错；已保存的工作不受影响。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>QClinic did not close properly last time (the session started %1); it may have crashed or been stopped. Every change you saw saved is kept.</source>
        <translation>QClinic 上次没有正常关闭（该次会话开始于 %1），可能是崩溃或被强行结束。所有显示为“已保存”的修改都已保留。</translation>
    </message>
    <message>
        <source>Details are in %1</source>
        <translation>详细信息见 %1</translation>
    </message>
    <message>
        <source>The last session did not end</source>
        <translation>上次会话未正常结束</translation>
    </message>
</context>
<context>
    <name>print_actions</name>
    <message>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <source>Print the report in:</source>
        <translation>报告打印语言：</translation>
    </message>
    <message>
        <source>Save the improvement plan</source>
        <translation>保存改进计划</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存诊断报告</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <extracomment>the kind of document in a default file name, in the report&apos;s language</extracomment>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Printing</source>
        <extracomment>running prints, kept here so their task and progress dialog live until they finish</extracomment>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>Reading the assessment…</source>
        <translation>正在读取评审数据…</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>正在排版页面…</translation>
    </message>
</context>
<context>
    <name>revisions</name>
    <message>
        <source>Rev. %1</source>
        <translation>第 %1 版</translation>
    </message>
</context>
<context>
    <name>runner</name>
    <message>
        <source>revision %1</source>
        <translation>修订 %1</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <source>This assessment is signed and read-only. To correct it, use Amend: a new draft revision is made with the same answers, findings and actions.</source>
        <translation>本评审已签署，只读。如需更正，请使用“修订”：将以相同的答案、发现项和改进措施生成新的草稿版本。</translation>
    </message>
    <message>
        <source>This assessment was completed and has been changed since: it is a draft again. Complete it again to re-check the gaps before signing off.</source>
        <translation>该评审完成后又有修改，已退回草稿状态。签署前请再次点击“完成”，重新检查缺漏项。</translation>
    </message>
    <message>
        <source>Warning: this signed assessment was changed after it was signed, outside QClinic (%1). What it shows now is not what was signed: restore the database from a backup, or have it checked. It cannot be printed until then.</source>
        <translation>警告：该评审签署后曾在 QClinic 之外被改动（%1）。现在显示的内容并非签署时的内容：请从备份恢复数据库，或请人核查。在此之前不能打印。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Name (e.g. moulding, welding, assembly):</source>
        <translation>名称（如注塑、焊接、装配）：</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>重命名%1</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除%1</translation>
    </message>
    <message>
        <source>Remove “%1” with all its answers and photos?</source>
        <translation>移除“%1”及其全部答案和照片？</translation>
    </message>
</context>
<context>
    <name>signoff</name>
    <message>
        <source>Already signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>This assessment was signed on %1. To correct it, amend it.</source>
        <translation>本评审已于 %1 签署。如需更正，请修订。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… 另有 %1 项</translation>
    </message>
    <message>
        <source>Not ready to sign</source>
        <translation>尚不能签署</translation>
    </message>
    <message>
        <source>This assessment cannot be completed yet: %1 gap(s) must be closed first.</source>
        <translation>本评审尚不能完成：须先关闭 %1 个缺项。</translation>
    </message>
    <message>
        <source>Amend the signed assessment</source>
        <translation>修订已签署的评审</translation>
    </message>
    <message>
        <source>A new draft revision will be made with the same answers, evidence, findings and improvement actions, linked to this signed one, which stays unchanged. From then on the improvement plan follows the new revision&apos;s actions. It must be signed again. Continue?</source>
        <translation>将以相同的答案、证据、发现项和改进措施生成新的草稿版本，并与本已签署评审关联，原评审保持不变。此后改进计划以新版本的措施为准。新版本须重新签署。是否继续？</translation>
    </message>
</context>
<context>
    <name>spc</name>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Characteristic</source>
        <translation>特性</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>计量型</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>计数型</translation>
    </message>
    <message>
        <source>Gage study</source>
        <translation>量具研究</translation>
    </message>
    <message>
        <source>Subgroup</source>
        <translation>子组</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Sample size</source>
        <translation>样本量</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>评价人</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>已剔除</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>QClinic is already running with the data folder %1 (process %2 on %3). Switch to that window, or close it first: two apps on one folder could overwrite each other&apos;s work.</source>
        <translation>QClinic 已在使用数据文件夹 %1 运行（主机 %3 上的进程 %2）。请切换到那个窗口，或先将其关闭：两个程序同时使用一个文件夹可能会互相覆盖工作成果。</translation>
    </message>
    <message>
        <source>QClinic</source>
        <translation>QClinic 质量门诊</translation>
    </message>
</context>
</TS>
