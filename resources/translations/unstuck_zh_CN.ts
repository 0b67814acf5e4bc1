<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>unstuck::ui::AccessKeyDialog</name>
    <message>
        <location filename="../../ui/AccessKeyDialog.cpp" line="74" />
        <source>An access key named '%1' is already saved; saving replaces it.</source>
        <translation>已保存名为“%1”的访问密钥；保存将替换它。</translation>
    </message>
    <message>
        <location filename="../../ui/AccessKeyDialog.cpp" line="75" />
        <source>The secret goes to the OS keychain only: never to Unstuck's settings, logs or reports.</source>
        <translation>密钥 Secret 只保存在操作系统钥匙串中，绝不会写入 Unstuck 的设置、日志或报告。</translation>
    </message>
    <message>
        <location filename="../../ui/AccessKeyDialog.cpp" line="81" />
        <source>Add access key</source>
        <translation>添加访问密钥</translation>
    </message>
    <message>
        <location filename="../../ui/AccessKeyDialog.cpp" line="82" />
        <source>An Alibaba Cloud RAM user's AccessKey pair. Read-only permissions are enough for a diagnosis (vpc, ecs and ram Describe/Get/List).</source>
        <translation>阿里云 RAM 用户的 AccessKey。诊断只需只读权限（vpc、ecs 和 ram 的 Describe/Get/List）。</translation>
    </message>
    <message>
        <location filename="../../ui/AccessKeyDialog.cpp" line="84" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/AccessKeyDialog.cpp" line="85" />
        <source>e.g. prod-readonly</source>
        <translation>例如 prod-readonly</translation>
    </message>
    <message>
        <location filename="../../ui/AccessKeyDialog.cpp" line="86" />
        <source>AccessKey ID:</source>
        <translation>AccessKey ID：</translation>
    </message>
    <message>
        <location filename="../../ui/AccessKeyDialog.cpp" line="87" />
        <source>AccessKey secret:</source>
        <translation>AccessKey Secret：</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::CommandRow</name>
    <message>
        <location filename="../../ui/CommandRow.cpp" line="39" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/CommandRow.cpp" line="40" />
        <source>Copy this command to the clipboard</source>
        <translation>将此命令复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/CommandRow.cpp" line="41" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::ConnectView</name>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="161" />
        <location filename="../../ui/ConnectView.cpp" line="429" />
        <source>%1 (current)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="174" />
        <source>Automatic (none found)</source>
        <translation>自动（未找到）</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="175" />
        <source>Automatic (first found: %1)</source>
        <translation>自动（首个找到的：%1）</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="193" />
        <source>%1 — cannot be used</source>
        <translation>%1 —— 无法使用</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="199" />
        <source>OS keychain: %1</source>
        <translation>系统钥匙串：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="235" />
        <source>The cloud side will not be checked.</source>
        <translation>不会检查云端。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="237" />
        <source>Will use: the cloud credentials named in the connection profile.</source>
        <translation>将使用：连接配置文件中指定的云凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="239" />
        <location filename="../../ui/ConnectView.cpp" line="252" />
        <source>Will use: %1</source>
        <translation>将使用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="241" />
        <source>No cloud credentials found: the cloud side will show as unknown. Add an access key, run `aliyun configure`, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.</source>
        <translation>未找到云凭证：云端部分将显示为未知。请添加访问密钥、运行 `aliyun configure`，或设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="245" />
        <source>Will use: the access key '%1' from the OS keychain (read when the diagnosis starts).</source>
        <translation>将使用：系统钥匙串中的访问密钥“%1”（诊断开始时读取）。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="250" />
        <source>This source cannot be used: %1</source>
        <translation>此来源无法使用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="255" />
        <source>It replaces the connection profile's own credentials.</source>
        <translation>它将替代连接配置文件自带的凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="283" />
        <source>The access key '%1' was not saved: %2</source>
        <translation>访问密钥“%1”未保存：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="298" />
        <source>Remove access key</source>
        <translation>移除访问密钥</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="299" />
        <source>Remove the access key '%1' from the OS keychain? Unstuck cannot use it afterwards until it is added again.</source>
        <translation>要从系统钥匙串中移除访问密钥“%1”吗？移除后，除非重新添加，Unstuck 将无法使用它。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="320" />
        <source>The access key '%1' was not removed: %2</source>
        <translation>访问密钥“%1”未移除：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="391" />
        <source>No Kubernetes context found. Set KUBECONFIG or create ~/.kube/config, open a connection profile (File → Open), or try the demo below.</source>
        <translation>未找到 Kubernetes 上下文。请设置 KUBECONFIG 或创建 ~/.kube/config，打开连接配置文件（文件 → 打开），或试用下方的演示。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="394" />
        <source>Select a context in the list, or open a connection profile.</source>
        <translation>请在列表中选择一个上下文，或打开连接配置文件。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="403" />
        <source>Why is my namespace stuck in Terminating?</source>
        <translation>为什么我的命名空间卡在 Terminating？</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="404" />
        <source>Unstuck follows the chain from the stuck namespace through the API server, aggregated APIs, the pod network and the cloud account, and shows where it breaks. It only reads; nothing is changed.</source>
        <translation>Unstuck 沿着依赖链从卡住的命名空间出发，依次检查 API 服务器、聚合 API、Pod 网络和云账号，并指出断在哪里。它只读取，不做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="407" />
        <source>Kubernetes context</source>
        <translation>Kubernetes 上下文</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="410" />
        <source>No kubeconfig file was read.</source>
        <translation>未读取任何 kubeconfig 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="411" />
        <source>From: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="412" />
        <source>Cloud credentials</source>
        <translation>云凭证</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="414" />
        <source>Add access key…</source>
        <translation>添加访问密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="415" />
        <source>Save an AccessKey pair in the OS keychain</source>
        <translation>将 AccessKey 保存到系统钥匙串</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="416" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="417" />
        <source>Remove the selected access key from the OS keychain</source>
        <translation>从系统钥匙串中移除所选的访问密钥</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="418" />
        <source>Do not look at the cloud side</source>
        <translation>不检查云端</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="419" />
        <source>Or a connection profile (profile.json)</source>
        <translation>或使用连接配置文件（profile.json）</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="420" />
        <source>Path of a connection profile; overrides the context</source>
        <translation>连接配置文件路径；优先于上下文</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="421" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="422" />
        <source>Namespace (empty = every Terminating namespace):</source>
        <translation>命名空间（留空 = 所有处于 Terminating 的命名空间）：</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="423" />
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="424" />
        <source>No cluster at hand? Start the built-in simulator:</source>
        <translation>手边没有集群？启动内置模拟器：</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="425" />
        <source>Start demo</source>
        <translation>启动演示</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::DiagnosisPage</name>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="157" />
        <source>%1 since %2</source>
        <translation>%1，自 %2 起</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="197" />
        <source>%1 since %2; finalizers: %3</source>
        <translation>%1，自 %2 起；finalizers：%3</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="200" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="241" />
        <source>Stuck namespaces (%1)</source>
        <translation>卡住的命名空间（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="242" />
        <source>Stuck namespaces</source>
        <translation>卡住的命名空间</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="243" />
        <source>Root cause</source>
        <translation>根因</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="256" />
        <source>Diagnosing…</source>
        <translation>正在诊断…</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="258" />
        <source>Nothing is stuck: no namespace is Terminating.</source>
        <translation>没有卡住的命名空间：没有命名空间处于 Terminating。</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="260" />
        <source>No root cause found.</source>
        <translation>未找到根因。</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="262" />
        <source>No diagnosis yet.</source>
        <translation>尚未诊断。</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="264" />
        <source>Back to connect</source>
        <translation>返回连接</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="265" />
        <source>Story</source>
        <translation>经过</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="266" />
        <source>Probe timeline</source>
        <translation>探测时间线</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="267" />
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="268" />
        <source>Inspector</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="270" />
        <source>Fixes</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="270" />
        <source>Fixes (%1)</source>
        <translation>修复（%1）</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::EvidenceView</name>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="97" />
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="100" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="102" />
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="108" />
        <source>Observed</source>
        <translation>观测时间</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="111" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="113" />
        <source>Raw answer (JSON/YAML)</source>
        <translation>原始应答（JSON/YAML）</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="114" />
        <source>Raw answer</source>
        <translation>原始应答</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::FixesWidget</name>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="48" />
        <source>No fix is recommended for this diagnosis.</source>
        <translation>此诊断没有推荐的修复。</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="49" />
        <source>Recommended fixes, deepest cause first. This is a preview: nothing is sent to the cluster or the cloud account.</source>
        <translation>推荐的修复，最深层的原因在前。这只是预览：不会向集群或云账号发送任何请求。</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="68" />
        <source>Risk:</source>
        <translation>风险：</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="72" />
        <source>Preflight</source>
        <translation>预检</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="73" />
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="74" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="78" />
        <source>Verify:</source>
        <translation>验证：</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::GraphView</name>
    <message>
        <location filename="../../ui/GraphView.cpp" line="20" />
        <location filename="../../ui/GraphView.cpp" line="108" />
        <source>Dependency graph</source>
        <translation>依赖关系图</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::HistoryChart</name>
    <message>
        <location filename="../../ui/HistoryChart.cpp" line="116" />
        <source>Component states over repeated diagnoses (one column per run)</source>
        <translation>多次诊断中各组件的状态（每次诊断一列）</translation>
    </message>
    <message>
        <location filename="../../ui/HistoryChart.cpp" line="117" />
        <source>History chart</source>
        <translation>历史图表</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::InspectorWidget</name>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="123" />
        <source>Evidence: none recorded</source>
        <translation>证据：无记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/InspectorWidget.cpp" line="124" />
        <source>Evidence (%n)</source>
        <translation><numerusform>证据（%n）</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="130" />
        <source>In the story</source>
        <translation>在经过中</translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="142" />
        <source>Inspector</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="143" />
        <source>Click a component or a link in the graph (or press Tab and Enter) to see its verdict and evidence.</source>
        <translation>点击图中的组件或连线（或按 Tab 和回车键）查看其结论和证据。</translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="163" />
        <location filename="../../ui/InspectorWidget.cpp" line="185" />
        <source>root cause</source>
        <translation>根因</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::KeychainRequestResolver</name>
    <message>
        <location filename="../../ui/KeychainRequestResolver.cpp" line="40" />
        <source>Could not read the access key '%1' from the OS keychain: %2</source>
        <translation>无法从系统钥匙串读取访问密钥“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainRequestResolver.cpp" line="46" />
        <source>The OS keychain entry '%1' does not hold an AccessKey ID and secret. Remove it and add the access key again.</source>
        <translation>系统钥匙串条目“%1”中没有 AccessKey ID 和 Secret。请移除它并重新添加访问密钥。</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="159" />
        <source>About Unstuck</source>
        <translation>关于 Unstuck</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="160" />
        <source>&lt;b&gt;Unstuck&lt;/b&gt; %1&lt;br/&gt;Finds why a Kubernetes namespace is stuck in Terminating.&lt;br/&gt;GPL-3.0-or-later.</source>
        <translation>&lt;b&gt;Unstuck&lt;/b&gt; %1&lt;br/&gt;找出 Kubernetes 命名空间卡在 Terminating 的原因。&lt;br/&gt;GPL-3.0-or-later。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="245" />
        <source>Unstuck — why is my namespace stuck?</source>
        <translation>Unstuck —— 我的命名空间为什么卡住了？</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="251" />
        <source>&amp;Connect…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="251" />
        <source>Choose a cluster, a profile or the demo</source>
        <translation>选择集群、配置文件或演示</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="252" />
        <source>&amp;Open connection profile…</source>
        <translation>打开连接配置文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="253" />
        <source>Open &amp;capture bundle…</source>
        <translation>打开抓包文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="253" />
        <source>Replay a recorded diagnosis</source>
        <translation>重放已录制的诊断</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="254" />
        <source>Graph as &amp;PNG…</source>
        <translation>导出图为 &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="255" />
        <source>Graph as &amp;SVG…</source>
        <translation>导出图为 &amp;SVG…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="256" />
        <source>&amp;HTML report…</source>
        <translation>&amp;HTML 报告…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="257" />
        <source>&amp;Markdown report…</source>
        <translation>&amp;Markdown 报告…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="258" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="259" />
        <source>&amp;Paste diagnosis input</source>
        <translation>粘贴诊断输入(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="260" />
        <source>Diagnose from ticket text on the clipboard (kubectl output, logs, YAML)</source>
        <translation>根据剪贴板中的工单文本诊断（kubectl 输出、日志、YAML）</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="261" />
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="262" />
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="263" />
        <source>&amp;Fit to window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="264" />
        <source>&amp;Dark palette</source>
        <translation>深色配色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="265" />
        <source>&amp;Diagnose again</source>
        <translation>重新诊断(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="265" />
        <source>Run the diagnosis again (F5)</source>
        <translation>重新运行诊断（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="266" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="266" />
        <source>Stop the running diagnosis (Esc)</source>
        <translation>停止正在运行的诊断（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="267" />
        <source>&amp;Auto-refresh</source>
        <translation>自动刷新(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="267" />
        <source>Diagnose again every 30 seconds</source>
        <translation>每 30 秒重新诊断一次</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="268" />
        <source>&amp;About Unstuck</source>
        <translation>关于 Unstuck(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="269" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="270" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="271" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="272" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="273" />
        <source>&amp;Diagnose</source>
        <translation>诊断(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="274" />
        <source>De&amp;mo</source>
        <translation>演示(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="275" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="276" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="278" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="310" />
        <location filename="../../ui/MainWindow.cpp" line="324" />
        <source>Diagnosing…</source>
        <translation>正在诊断…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="337" />
        <source>Reading the access key from the OS keychain…</source>
        <translation>正在从系统钥匙串读取访问密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="354" />
        <location filename="../../ui/MainWindow.cpp" line="362" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="392" />
        <source>Could not diagnose: %1</source>
        <translation>无法诊断：%1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="402" />
        <source>Cancelled: the graph shows what was known so far.</source>
        <translation>已取消：图中显示的是目前已知的情况。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="404" />
        <source>Done: root cause found in %1 ms.</source>
        <translation>完成：在 %1 毫秒内找到根因。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="407" />
        <source>Done: no root cause found.</source>
        <translation>完成：未找到根因。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="417" />
        <source>Starting the simulator (scenario %1)…</source>
        <translation>正在启动模拟器（场景 %1）…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="428" />
        <source>Unstuck — demo: %1</source>
        <translation>Unstuck —— 演示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="437" />
        <source>Demo: %1</source>
        <translation>演示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="449" />
        <source>The connection profile %1 does not exist. Choose another file (File → Open) or pick a context.</source>
        <translation>连接配置文件 %1 不存在。请选择其他文件（文件 → 打开）或选择一个上下文。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="470" />
        <source>The clipboard holds no text to diagnose.</source>
        <translation>剪贴板中没有可诊断的文本。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="509" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="512" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="515" />
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="518" />
        <source>Markdown report (*.md)</source>
        <translation>Markdown 报告 (*.md)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="521" />
        <location filename="../../ui/MainWindow.cpp" line="528" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="526" />
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="534" />
        <source>Open connection profile</source>
        <translation>打开连接配置文件</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="534" />
        <source>Connection profile (*.json);;All files (*)</source>
        <translation>连接配置文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="541" />
        <source>Open capture bundle</source>
        <translation>打开抓包文件</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="542" />
        <source>Capture bundle (*);;All files (*)</source>
        <translation>抓包文件 (*);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::ProbeTimelineChart</name>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="105" />
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="107" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="109" />
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="145" />
        <source>Probe timeline: no diagnosis yet</source>
        <translation>探测时间线：尚未诊断</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="146" />
        <source>Probe timeline: %1 probes, %2 failed (ms since start)</source>
        <translation>探测时间线：%1 次探测，%2 次失败（自开始起的毫秒数）</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="153" />
        <source>Probe timeline</source>
        <translation>探测时间线</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::QtKeychainStore</name>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="19" />
        <source>Use an aliyun CLI profile (aliyun configure) or the ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET environment variables instead.</source>
        <translation>请改用 aliyun CLI 配置（aliyun configure）或环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。</translation>
    </message>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="27" />
        <source>The OS keychain is not available (%1). On Linux Unstuck reaches it through the Secret Service over D-Bus (GNOME Keyring, KWallet or KeePassXC), which needs a desktop session. %2</source>
        <translation>系统钥匙串不可用（%1）。在 Linux 上，Unstuck 通过 D-Bus 上的 Secret Service（GNOME Keyring、KWallet 或 KeePassXC）访问钥匙串，这需要桌面会话。%2</translation>
    </message>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="33" />
        <source>The OS keychain is not available (%1). %2</source>
        <translation>系统钥匙串不可用（%1）。%2</translation>
    </message>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="45" />
        <source>There is no entry '%1' in the OS keychain. Add the access key again (Add access key… in the connect view) or choose another cloud credential source.</source>
        <translation>系统钥匙串中没有条目“%1”。请重新添加访问密钥（连接页面中的“添加访问密钥…”），或选择其他云凭证来源。</translation>
    </message>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="51" />
        <source>The OS keychain refused access to the entry '%1' (%2). Unlock the keychain and allow Unstuck to use it, then try again.</source>
        <translation>系统钥匙串拒绝访问条目“%1”（%2）。请解锁钥匙串并允许 Unstuck 使用，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="56" />
        <source>The OS keychain could not delete the entry '%1' (%2).</source>
        <translation>系统钥匙串无法删除条目“%1”（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="86" />
        <source>no answer within %1 s; a locked keyring may be waiting for its password</source>
        <translation>%1 秒内无应答；已锁定的钥匙串可能正在等待输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="116" />
        <source>this build of Unstuck has no OS keychain support (it was built without QtKeychain)</source>
        <translation>此版本的 Unstuck 不支持系统钥匙串（构建时未包含 QtKeychain）</translation>
    </message>
    <message>
        <location filename="../../ui/QtKeychainStore.cpp" line="129" />
        <source>This build has no OS keychain support: access keys added here are kept in memory only, until Unstuck quits.</source>
        <translation>此版本不支持系统钥匙串：在此添加的访问密钥仅保存在内存中，直到 Unstuck 退出。</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::SimProcess</name>
    <message>
        <location filename="../../ui/SimProcess.cpp" line="43" />
        <source>The simulator %1 was not found. Build or install unstuck-sim next to unstuck.</source>
        <translation>未找到模拟器 %1。请在 unstuck 旁边构建或安装 unstuck-sim。</translation>
    </message>
    <message>
        <location filename="../../ui/SimProcess.cpp" line="59" />
        <source>The simulator could not be started: %1</source>
        <translation>无法启动模拟器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/SimProcess.cpp" line="113" />
        <source>The simulator crashed. %1</source>
        <translation>模拟器崩溃了。%1</translation>
    </message>
    <message>
        <location filename="../../ui/SimProcess.cpp" line="116" />
        <source>The simulator stopped (exit code %1). %2</source>
        <translation>模拟器已停止（退出码 %1）。%2</translation>
    </message>
    <message>
        <location filename="../../ui/SimProcess.cpp" line="117" />
        <source>The simulator exited before it was ready (exit code %1). %2</source>
        <translation>模拟器在就绪前退出（退出码 %1）。%2</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::ComponentItem</name>
    <message>
        <location filename="../../ui/ComponentItem.cpp" line="112" />
        <location filename="../../ui/LinkItem.cpp" line="116" />
        <source>ROOT CAUSE</source>
        <translation>根因</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::LinkItem</name>
    <message>
        <location filename="../../ui/LinkItem.cpp" line="135" />
        <source>%1 → %2 (%3): %4</source>
        <translation>%1 → %2（%3）：%4</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::exporter</name>
    <message>
        <location filename="../../ui/Exporter.cpp" line="52" />
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="67" />
        <source>Unstuck dependency graph</source>
        <translation>Unstuck 依赖关系图</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="79" />
        <location filename="../../ui/Exporter.cpp" line="84" />
        <location filename="../../ui/Exporter.cpp" line="146" />
        <location filename="../../ui/Exporter.cpp" line="151" />
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="97" />
        <location filename="../../ui/Exporter.cpp" line="125" />
        <source>Probe timeline</source>
        <translation>探测时间线</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="97" />
        <location filename="../../ui/Exporter.cpp" line="125" />
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="97" />
        <location filename="../../ui/Exporter.cpp" line="125" />
        <source>Start (ms)</source>
        <translation>开始（毫秒）</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="97" />
        <location filename="../../ui/Exporter.cpp" line="126" />
        <source>End (ms)</source>
        <translation>结束（毫秒）</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="98" />
        <location filename="../../ui/Exporter.cpp" line="126" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="105" />
        <location filename="../../ui/Exporter.cpp" line="133" />
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="106" />
        <location filename="../../ui/Exporter.cpp" line="134" />
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="107" />
        <location filename="../../ui/Exporter.cpp" line="135" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::names</name>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="23" />
        <source>API Server</source>
        <translation>API 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="24" />
        <source>Metrics Server</source>
        <translation>指标服务器</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="25" />
        <source>Namespace Controller</source>
        <translation>命名空间控制器</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="26" />
        <source>Route Controller</source>
        <translation>路由控制器</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="27" />
        <source>VPC route table</source>
        <translation>VPC 路由表</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="28" />
        <source>RAM policy</source>
        <translation>RAM 权限策略</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="29" />
        <source>Finalizers</source>
        <translation>Finalizer</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="30" />
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="42" />
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="44" />
        <source>failing</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="46" />
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="50" />
        <location filename="../../ui/ComponentNames.cpp" line="63" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="57" />
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="59" />
        <source>broken</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="69" />
        <source>discovery</source>
        <translation>API 发现</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="71" />
        <source>APIService proxy</source>
        <translation>APIService 代理</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="73" />
        <source>pod route</source>
        <translation>Pod 路由</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="75" />
        <source>maintains routes</source>
        <translation>维护路由</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="77" />
        <source>permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="79" />
        <source>deletes content</source>
        <translation>删除内容</translation>
    </message>
    <message>
        <location filename="../../ui/ComponentNames.cpp" line="80" />
        <source>depends on</source>
        <translation>依赖</translation>
    </message>
</context>
</TS>