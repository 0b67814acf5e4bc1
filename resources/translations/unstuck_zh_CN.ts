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
    <name>unstuck::ui::ApplyPage</name>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="144" />
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="146" />
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="148" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="150" />
        <source>seen</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="152" />
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="154" />
        <source>stopped: conflict</source>
        <translation>已停止：冲突</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="156" />
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="157" />
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="254" />
        <source>Healed</source>
        <translation>已修复</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="255" />
        <source>The diagnosis finds no root cause and the stuck namespaces are gone.</source>
        <translation>诊断不再发现根因，卡住的命名空间已经消失。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="265" />
        <source>Not healed yet</source>
        <translation>尚未修复</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="265" />
        <source>Nothing was applied</source>
        <translation>没有应用任何修改</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="271" />
        <source>Still red</source>
        <translation>仍为红色</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="273" />
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="280" />
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="283" />
        <source>Undo did not complete</source>
        <translation>撤销未完成</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="285" />
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="286" />
        <source>The changes were reversed; the graph shows the diagnosis made afterwards.</source>
        <translation>修改已被撤回；图中显示的是之后重新诊断的结果。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="292" />
        <source>Apply and verify</source>
        <translation>应用并验证</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="293" />
        <source>Each write is recorded in the audit log before and after it is sent. The graph behind this window follows the re-probes.</source>
        <translation>每次写入在发送前后都会记录到审计日志中。此窗口后面的依赖关系图会随重新探测而更新。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="295" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="295" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="295" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="295" />
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="296" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="297" />
        <source>Open &amp;audit record</source>
        <translation>打开审计记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="304" />
        <source>Applying and verifying… %1</source>
        <translation>正在应用并验证… %1</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="324" />
        <source>Undo would</source>
        <translation>撤销将会</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ApplyPage.cpp" line="327" />
        <source>Audit id: %1 (unstuck fix undo %1)</source>
        <translation>审计 ID：%1（unstuck fix undo %1）</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::AuditLogDialog</name>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="30" />
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="32" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="34" />
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="36" />
        <source>Undo failed</source>
        <translation>撤销失败</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="38" />
        <source>Undone later</source>
        <translation>之后已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="40" />
        <source>Interrupted (no answer recorded)</source>
        <translation>中断（未记录应答）</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="51" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="56" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="56" />
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="56" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="56" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="64" />
        <source>Undo…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="65" />
        <source>Open audit record</source>
        <translation>打开审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="88" />
        <source>Undo this fix?</source>
        <translation>撤销此修复？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="149" />
        <source>%n fix run(s) in %1.</source>
        <translation><numerusform>%1 中有 %n 次修复记录。</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="198" />
        <source>Reading the state and checking the undo of %1…</source>
        <translation>正在读取当前状态并检查 %1 的撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="214" />
        <source>The undo of %1 was not started: %2</source>
        <translation>%1 的撤销没有开始：%2</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="216" />
        <source>a check failed; nothing was written</source>
        <translation>有一项检查未通过；没有写入任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="223" />
        <source>Not undone: nothing was written.</source>
        <translation>未撤销：没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="231" />
        <source>Undoing %1…</source>
        <translation>正在撤销 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="244" />
        <source>Undone: %1 (audit id %2).</source>
        <translation>已撤销：%1（审计 ID %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditLogDialog.cpp" line="245" />
        <source>The undo of %1 did not complete: %2</source>
        <translation>%1 的撤销没有完成：%2</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::AuditRecordDialog</name>
    <message>
        <location filename="../../ui/fix/AuditRecordDialog.cpp" line="20" />
        <source>Audit record %1</source>
        <translation>审计记录 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fix/AuditRecordDialog.cpp" line="32" />
        <source>%n record(s) of run %1 in %2.</source>
        <translation><numerusform>%2 中运行 %1 的 %n 条记录。</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditRecordDialog.cpp" line="36" />
        <source>The hash chain is intact: no line was edited, removed or reordered.</source>
        <translation>哈希链完整：没有任何一行被修改、删除或重新排序。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/AuditRecordDialog.cpp" line="37" />
        <source>The hash chain breaks at line %1: %2</source>
        <translation>哈希链在第 %1 行断开：%2</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::CommandRow</name>
    <message>
        <location filename="../../ui/CommandRow.cpp" line="45" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/CommandRow.cpp" line="46" />
        <source>Copy this command to the clipboard</source>
        <translation>将此命令复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/CommandRow.cpp" line="47" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::ConfirmPage</name>
    <message>
        <location filename="../../ui/fix/ConfirmPage.cpp" line="48" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ConfirmPage.cpp" line="49" />
        <source>Apply sends these writes, in this order. Each one is recorded in the audit log before and after it is sent.</source>
        <translation>“应用”将按此顺序发送以下写入。每次写入在发送前后都会记录到审计日志中。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ConfirmPage.cpp" line="51" />
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ConfirmPage.cpp" line="67" />
        <source>Only if the chain is still red after the fixes before it.</source>
        <translation>仅当前面的修复完成后依赖链仍为红色时执行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fix/ConfirmPage.cpp" line="71" />
        <source>%n write(s) to the cluster or the cloud account:</source>
        <translation><numerusform>对集群或云账号的 %n 次写入：</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/fix/ConfirmPage.cpp" line="87" />
        <source>%1 is destructive. Type %2 to include it (otherwise it is skipped):</source>
        <translation>%1 具有破坏性。输入 %2 以包含此步骤（否则将跳过）：</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ConfirmPage.cpp" line="89" />
        <source>%1 is destructive. Type %2 to confirm:</source>
        <translation>%1 具有破坏性。输入 %2 以确认：</translation>
    </message>
    <message>
        <location filename="../../ui/fix/ConfirmPage.cpp" line="95" />
        <source>Type %1 to confirm</source>
        <translation>输入 %1 以确认</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::ConnectView</name>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="160" />
        <location filename="../../ui/ConnectView.cpp" line="466" />
        <source>%1 (current)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="167" />
        <source>The kubeconfig could not be read: %1. Fix it, or point --kubeconfig or KUBECONFIG at another file; a connection profile or the demo below works without one.</source>
        <translation>无法读取 kubeconfig：%1。请修正该文件，或用 --kubeconfig 或 KUBECONFIG 指定另一个文件；连接配置文件或下方的演示无需 kubeconfig 也能使用。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="193" />
        <source>Automatic (none found)</source>
        <translation>自动（未找到）</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="194" />
        <source>Automatic (first found: %1)</source>
        <translation>自动（首个找到的：%1）</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="212" />
        <source>%1 — cannot be used</source>
        <translation>%1 —— 无法使用</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="218" />
        <source>OS keychain: %1</source>
        <translation>系统钥匙串：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="254" />
        <source>The cloud side will not be checked.</source>
        <translation>不会检查云端。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="256" />
        <source>Will use: the cloud credentials named in the connection profile.</source>
        <translation>将使用：连接配置文件中指定的云凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="258" />
        <location filename="../../ui/ConnectView.cpp" line="271" />
        <source>Will use: %1</source>
        <translation>将使用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="260" />
        <source>No cloud credentials found: the cloud side will show as unknown. Add an access key, run `aliyun configure`, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.</source>
        <translation>未找到云凭证：云端部分将显示为未知。请添加访问密钥、运行 `aliyun configure`，或设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="264" />
        <source>Will use: the access key '%1' from the OS keychain (read when the diagnosis starts).</source>
        <translation>将使用：系统钥匙串中的访问密钥“%1”（诊断开始时读取）。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="269" />
        <source>This source cannot be used: %1</source>
        <translation>此来源无法使用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="274" />
        <source>It replaces the connection profile's own credentials.</source>
        <translation>它将替代连接配置文件自带的凭证。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="302" />
        <source>The access key '%1' was not saved: %2</source>
        <translation>访问密钥“%1”未保存：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="318" />
        <source>Remove access key</source>
        <translation>移除访问密钥</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="319" />
        <source>Remove the access key '%1' from the OS keychain? Unstuck cannot use it afterwards until it is added again.</source>
        <translation>要从系统钥匙串中移除访问密钥“%1”吗？移除后，除非重新添加，Unstuck 将无法使用它。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="340" />
        <source>The access key '%1' was not removed: %2</source>
        <translation>访问密钥“%1”未移除：%2</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="427" />
        <source>No Kubernetes context found. Set KUBECONFIG or create ~/.kube/config, open a connection profile (File → Open), or try the demo below.</source>
        <translation>未找到 Kubernetes 上下文。请设置 KUBECONFIG 或创建 ~/.kube/config，打开连接配置文件（文件 → 打开），或试用下方的演示。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="430" />
        <source>Select a context in the list, or open a connection profile.</source>
        <translation>请在列表中选择一个上下文，或打开连接配置文件。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="440" />
        <source>Why is my namespace stuck in Terminating?</source>
        <translation>为什么我的命名空间卡在 Terminating？</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="441" />
        <source>Unstuck follows the chain from the stuck namespace through the API server, aggregated APIs, the pod network and the cloud account, and shows where it breaks. It only reads; nothing is changed.</source>
        <translation>Unstuck 沿着依赖链从卡住的命名空间出发，依次检查 API 服务器、聚合 API、Pod 网络和云账号，并指出断在哪里。它只读取，不做任何修改。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="444" />
        <source>Kubernetes context</source>
        <translation>Kubernetes 上下文</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="447" />
        <source>No kubeconfig file was read.</source>
        <translation>未读取任何 kubeconfig 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="448" />
        <source>From: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="449" />
        <source>Cloud credentials</source>
        <translation>云凭证</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="451" />
        <source>Add access key…</source>
        <translation>添加访问密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="452" />
        <source>Save an AccessKey pair in the OS keychain</source>
        <translation>将 AccessKey 保存到系统钥匙串</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="453" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="454" />
        <source>Remove the selected access key from the OS keychain</source>
        <translation>从系统钥匙串中移除所选的访问密钥</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="455" />
        <source>Do not look at the cloud side</source>
        <translation>不检查云端</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="456" />
        <source>Or a connection profile (profile.json)</source>
        <translation>或使用连接配置文件（profile.json）</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="457" />
        <source>Path of a connection profile; overrides the context</source>
        <translation>连接配置文件路径；优先于上下文</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="458" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="459" />
        <source>Namespace (empty = every Terminating namespace):</source>
        <translation>命名空间（留空 = 所有处于 Terminating 的命名空间）：</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="460" />
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="461" />
        <source>No cluster at hand? Start the built-in simulator:</source>
        <translation>手边没有集群？启动内置模拟器：</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectView.cpp" line="462" />
        <source>Start demo</source>
        <translation>启动演示</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::DiagnosisPage</name>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="189" />
        <source>%1 since %2</source>
        <translation>%1，自 %2 起</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="226" />
        <source>%1 since %2; finalizers: %3</source>
        <translation>%1，自 %2 起；finalizers：%3</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="229" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="270" />
        <source>Stuck namespaces (%1)</source>
        <translation>卡住的命名空间（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="271" />
        <source>Stuck namespaces</source>
        <translation>卡住的命名空间</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="273" />
        <source>Back to connect</source>
        <translation>返回连接</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="274" />
        <source>Story</source>
        <translation>经过</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="275" />
        <source>Probe timeline</source>
        <translation>探测时间线</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="276" />
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="277" />
        <source>Inspector</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="279" />
        <source>Fixes</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="279" />
        <source>Fixes (%1)</source>
        <translation>修复（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="292" />
        <source>Root cause: %1</source>
        <translation>根因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="296" />
        <source>Diagnosing…</source>
        <translation>正在诊断…</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="298" />
        <source>Could not diagnose.</source>
        <translation>无法诊断。</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="300" />
        <source>Nothing is stuck: no namespace is Terminating.</source>
        <translation>没有卡住的命名空间：没有命名空间处于 Terminating。</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="302" />
        <source>No root cause found.</source>
        <translation>未找到根因。</translation>
    </message>
    <message>
        <location filename="../../ui/DiagnosisPage.cpp" line="304" />
        <source>No diagnosis yet.</source>
        <translation>尚未诊断。</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::DiffView</name>
    <message numerus="yes">
        <location filename="../../ui/fix/DiffView.cpp" line="90" />
        <source>… %n unchanged line(s)</source>
        <translation><numerusform>… %n 行未改变</numerusform></translation>
    </message>
</context>
<context>
    <name>unstuck::ui::EvidenceView</name>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="99" />
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="102" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="104" />
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="106" />
        <source>Observed</source>
        <translation>观测时间</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="109" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="111" />
        <source>Raw answer (JSON/YAML)</source>
        <translation>原始应答（JSON/YAML）</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="112" />
        <source>Raw answer</source>
        <translation>原始应答</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="124" />
        <source>nothing: the answer has no value there</source>
        <translation>无：应答中此处没有值</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="134" />
        <source>live query</source>
        <translation>实时查询</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="136" />
        <source>capture bundle %1</source>
        <translation>抓包文件 %1</translation>
    </message>
    <message>
        <location filename="../../ui/EvidenceView.cpp" line="138" />
        <source>pasted text %1</source>
        <translation>粘贴的文本 %1</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::FixLauncher</name>
    <message>
        <location filename="../../ui/fix/FixLauncher.cpp" line="50" />
        <source>Fixes need a live connection: a capture bundle or pasted text can only be read.</source>
        <translation>修复需要实时连接：抓包文件或粘贴的文本只能读取。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixLauncher.cpp" line="55" />
        <source>Apply the recommended fixes root first, verifying after each, through the guided wizard</source>
        <translation>通过修复向导从根因开始应用推荐的修复，每一步之后都进行验证</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixLauncher.cpp" line="102" />
        <source>Heal all…</source>
        <translation>全部修复…</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixLauncher.cpp" line="103" />
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixLauncher.cpp" line="104" />
        <source>Every fix applied from this computer: when, what, the change, and Undo</source>
        <translation>从这台电脑应用的每一次修复：时间、内容、变更以及撤销</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::FixWizard</name>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="106" />
        <source>Could not diagnose again before planning: %1</source>
        <translation>规划修复前无法重新诊断：%1</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="121" />
        <source>a check failed before the undo: nothing was written</source>
        <translation>撤销前有一项检查未通过：没有写入任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="154" />
        <source>the undo did not complete (exit %1)</source>
        <translation>撤销未完成（退出码 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="194" />
        <source>Stop the fix?</source>
        <translation>要停止修复吗？</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="195" />
        <source>A write may be on its way to the cluster or the cloud account. Unstuck lets it finish, sends nothing after it, and then closes.

Stop after the running step?</source>
        <translation>可能有一次写入正在发往集群或云账号。Unstuck 会让它完成，之后不再发送任何内容，然后关闭。

在当前步骤完成后停止吗？</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="243" />
        <source>Heal all</source>
        <translation>全部修复</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="243" />
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="244" />
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="245" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="246" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="247" />
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/fix/FixWizard.cpp" line="248" />
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::FixesWidget</name>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="54" />
        <source>No fix is recommended for this diagnosis.</source>
        <translation>此诊断没有推荐的修复。</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="55" />
        <source>Recommended fixes, root cause first. Fix… opens a guided wizard: nothing is sent to the cluster or the cloud account before its preview, preflight and your confirmation.</source>
        <translation>推荐的修复，根因的修复在前。“修复…”会打开修复向导：在预览、预检和你确认之前，不会向集群或云账号发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="78" />
        <source>Fix…</source>
        <translation>修复…</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="80" />
        <source>Fix: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="82" />
        <source>Preview, preflight, confirm, apply and verify this fix</source>
        <translation>预览、预检、确认、应用并验证此修复</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="91" />
        <source>Risk:</source>
        <translation>风险：</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="95" />
        <source>Preflight</source>
        <translation>预检</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="96" />
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="97" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/FixesWidget.cpp" line="101" />
        <source>Verify:</source>
        <translation>验证：</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::GraphView</name>
    <message>
        <location filename="../../ui/GraphView.cpp" line="20" />
        <location filename="../../ui/GraphView.cpp" line="109" />
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
        <location filename="../../ui/InspectorWidget.cpp" line="132" />
        <source>Evidence: none recorded</source>
        <translation>证据：无记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/InspectorWidget.cpp" line="133" />
        <source>Evidence (%n)</source>
        <translation><numerusform>证据（%n）</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="158" />
        <source>Fix…</source>
        <translation>修复…</translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="164" />
        <source>Fix: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="171" />
        <source>In the story</source>
        <translation>在经过中</translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="183" />
        <source>Inspector</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="184" />
        <source>Click a component or a link in the graph (or press Tab and Enter) to see its verdict and evidence.</source>
        <translation>点击图中的组件或连线（或按 Tab 和回车键）查看其结论和证据。</translation>
    </message>
    <message>
        <location filename="../../ui/InspectorWidget.cpp" line="204" />
        <location filename="../../ui/InspectorWidget.cpp" line="227" />
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
        <location filename="../../ui/MainWindow.cpp" line="139" />
        <source>About Unstuck</source>
        <translation>关于 Unstuck</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="192" />
        <source>&lt;b&gt;Unstuck&lt;/b&gt; %1&lt;br/&gt;Qt %2&lt;br/&gt;Finds why a Kubernetes namespace is stuck in Terminating.&lt;br/&gt;GPL-3.0-or-later.&lt;p&gt;Third-party software: Qt 6 (LGPL-3.0 / GPL-3.0; Qt Charts GPL-3.0), yaml-cpp (MIT), spdlog and fmt (MIT), nlohmann/json (MIT), QtKeychain (BSD-2-Clause), OpenSSL (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;b&gt;Unstuck&lt;/b&gt; %1&lt;br/&gt;Qt %2&lt;br/&gt;找出 Kubernetes 命名空间卡在 Terminating 的原因。&lt;br/&gt;GPL-3.0-or-later。&lt;p&gt;第三方软件：Qt 6（LGPL-3.0 / GPL-3.0；Qt Charts 为 GPL-3.0）、yaml-cpp（MIT）、spdlog 和 fmt（MIT）、nlohmann/json（MIT）、QtKeychain（BSD-2-Clause）、OpenSSL（Apache-2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="201" />
        <source>Unstuck — why is my namespace stuck?</source>
        <translation>Unstuck —— 我的命名空间为什么卡住了？</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="204" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="236" />
        <location filename="../../ui/MainWindow.cpp" line="250" />
        <source>Diagnosing…</source>
        <translation>正在诊断…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="261" />
        <source>Reading the access key from the OS keychain…</source>
        <translation>正在从系统钥匙串读取访问密钥…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="278" />
        <location filename="../../ui/MainWindow.cpp" line="286" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="326" />
        <source>Done, with a problem (see above the graph).</source>
        <translation>已完成，但有一个问题（见图上方）。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="328" />
        <location filename="../../ui/MainWindow.cpp" line="346" />
        <source>Cancelled: the graph shows what was known so far.</source>
        <translation>已取消：图中显示的是目前已知的情况。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="330" />
        <source>Done: root cause found in %1 ms.</source>
        <translation>完成：在 %1 毫秒内找到根因。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="333" />
        <source>Done: no root cause found.</source>
        <translation>完成：未找到根因。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="355" />
        <source>Could not diagnose.</source>
        <translation>无法诊断。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="375" />
        <source>Could not diagnose: %1</source>
        <translation>无法诊断：%1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="378" />
        <source>Check that you are on the VPN or behind the right proxy, that the server URL in the kubeconfig is right, and that `kubectl cluster-info` answers.</source>
        <translation>请检查是否已连接 VPN 或使用了正确的代理、kubeconfig 中的服务器地址是否正确，以及 `kubectl cluster-info` 能否应答。</translation>
    </message>
    <message>
        <source>The cluster rejected the credentials of this context (401 Unauthorized): the token or client certificate in the kubeconfig is wrong or has expired. Log in again or get a fresh kubeconfig, or pick another context, then press Diagnose.</source>
        <translation>集群拒绝了此上下文的凭据（401 Unauthorized）：kubeconfig 中的令牌或客户端证书错误或已过期。请重新登录或获取新的 kubeconfig，或选择其他上下文，然后点击“诊断”。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (TLS): it is not signed by the certificate authority the kubeconfig names for this cluster. Check certificate-authority or certificate-authority-data in the kubeconfig, and that the server URL is the right cluster.</source>
        <translation>服务器证书不受信任（TLS）：它不是由 kubeconfig 为该集群指定的证书颁发机构签发的。请检查 kubeconfig 中的 certificate-authority 或 certificate-authority-data，以及服务器地址是否指向正确的集群。</translation>
    </message>
    <message>
        <source>Nothing answered at the server address in the kubeconfig.</source>
        <translation>kubeconfig 中的服务器地址没有任何应答。</translation>
    </message>
    <message>
        <source>Could not diagnose. %1 Details: %2</source>
        <translation>无法诊断。%1详情：%2</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="397" />
        <source>Starting the simulator (scenario %1)…</source>
        <translation>正在启动模拟器（场景 %1）…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="408" />
        <source>Unstuck — demo: %1</source>
        <translation>Unstuck —— 演示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="417" />
        <source>Demo: %1</source>
        <translation>演示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="419" />
        <source>The demo did not start.</source>
        <translation>演示未能启动。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="428" />
        <source>The connection profile %1 does not exist. Choose another file (File → Open) or pick a context.</source>
        <translation>连接配置文件 %1 不存在。请选择其他文件（文件 → 打开）或选择一个上下文。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="449" />
        <source>The clipboard holds no text to diagnose.</source>
        <translation>剪贴板中没有可诊断的文本。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="511" />
        <source>Diagnosed again at %1: still red — root cause %2: %3</source>
        <translation>%1 重新诊断：仍为红色——根因 %2：%3</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="518" />
        <source>Diagnosed again at %1: healed — no root cause, no namespace stuck in Terminating.</source>
        <translation>%1 重新诊断：已修复——没有根因，也没有命名空间卡在 Terminating。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="521" />
        <source>Diagnosed again at %1: still red — %2</source>
        <translation>%1 重新诊断：仍为红色——%2</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="534" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="537" />
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="540" />
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="543" />
        <source>Markdown report (*.md)</source>
        <translation>Markdown 报告 (*.md)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="546" />
        <location filename="../../ui/MainWindow.cpp" line="553" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="551" />
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="559" />
        <source>Open connection profile</source>
        <translation>打开连接配置文件</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="559" />
        <source>Connection profile (*.json);;All files (*)</source>
        <translation>连接配置文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="566" />
        <source>Open capture bundle</source>
        <translation>打开抓包文件</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="567" />
        <source>Capture bundle (*);;All files (*)</source>
        <translation>抓包文件 (*);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::PreflightPage</name>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="39" />
        <source>policy %1</source>
        <translation>策略 %1</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="41" />
        <source>route table %1</source>
        <translation>路由表 %1</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="42" />
        <source>its resource</source>
        <translation>其资源</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="104" />
        <source>Something changed since the diagnosis. Close this wizard, diagnose again (F5) and open the fix again: it will be planned against the new state.</source>
        <translation>诊断之后情况有变化。请关闭此向导，重新诊断（F5）后再次打开修复：它将根据新的状态重新规划。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="107" />
        <source>This connection only reads. To apply fixes, use a connection profile without "readOnly": true, or ask whoever gave you this one for write access.</source>
        <translation>此连接只能读取。要应用修复，请使用未设置 "readOnly": true 的连接配置文件，或向提供此配置文件的人申请写权限。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="110" />
        <source>Ask a cluster administrator to let your identity %1, or connect as an identity that may.</source>
        <translation>请让集群管理员允许你的身份执行：%1，或改用有此权限的身份连接。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="114" />
        <source>The API server would refuse this write. Fix what its answer names, then diagnose again.</source>
        <translation>API 服务器会拒绝此写入。请先解决其应答中指出的问题，然后重新诊断。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="117" />
        <source>Delete an old version of the policy yourself, or run `unstuck fix apply --rotate-policy-versions` to let RAM delete the oldest non-default one.</source>
        <translation>请自行删除该策略的一个旧版本，或运行 `unstuck fix apply --rotate-policy-versions`，让 RAM 删除最旧的非默认版本。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="120" />
        <source>Add cloud credentials (the connect view's cloud list), then diagnose again.</source>
        <translation>请添加云凭证（连接页面中的云凭证列表），然后重新诊断。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="122" />
        <source>Your cloud identity may not run %1: ask an account administrator to allow %1 on %2.</source>
        <translation>你的云身份无权执行 %1：请让账号管理员在 %2 上允许 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="125" />
        <source>Resolve what the reason names, then diagnose again.</source>
        <translation>请先解决原因中指出的问题，然后重新诊断。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="130" />
        <source>Preflight</source>
        <translation>预检</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="131" />
        <source>Checks that write nothing: permissions, the servers' own dry runs, and that nothing moved since the preview.</source>
        <translation>不写入任何内容的检查：权限、服务器自身的试运行（dry run），以及预览之后是否有变化。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="136" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="151" />
        <source>preparation</source>
        <translation>准备</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="161" />
        <source>Apply is blocked: %1</source>
        <translation>无法应用：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fix/PreflightPage.cpp" line="165" />
        <source>%n check(s) failed. The fixes that passed run first; the others are checked again after them. Nothing has been written yet.</source>
        <translation><numerusform>%n 项检查未通过。先执行已通过检查的修复；其余修复在它们之后重新检查。尚未写入任何内容。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fix/PreflightPage.cpp" line="163" />
        <source>Apply is blocked: %n check(s) failed. Nothing has been written.</source>
        <translation><numerusform>无法应用：%n 项检查未通过。没有写入任何内容。</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="168" />
        <source>Nothing to apply: these steps are for a person.</source>
        <translation>没有可自动应用的内容：这些步骤需要人工执行。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="172" />
        <source>Every check passed. Nothing has been written yet.</source>
        <translation>所有检查均已通过。尚未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreflightPage.cpp" line="191" />
        <source>What to do:</source>
        <translation>怎么办：</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::PreviewPage</name>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="44" />
        <source>Statement %1: Effect &lt;span style='color:#e53935'&gt;%2&lt;/span&gt; → &lt;span style='color:#2e7d32'&gt;%3&lt;/span&gt;</source>
        <translation>语句 %1：Effect &lt;span style='color:#e53935'&gt;%2&lt;/span&gt; → &lt;span style='color:#2e7d32'&gt;%3&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="101" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="102" />
        <source>Read from the cluster and the cloud account just now: the exact requests and what they change. Nothing has been written.</source>
        <translation>刚刚从集群和云账号读取：确切的请求及其修改内容。尚未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="107" />
        <source>Diagnosing again, so the fix is planned against the state now…</source>
        <translation>正在重新诊断，以便根据当前状态规划修复…</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="109" />
        <source>Reading what the fix would change…</source>
        <translation>正在读取修复将要修改的内容…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/fix/PreviewPage.cpp" line="114" />
        <source>%n fix(es) previewed.</source>
        <translation><numerusform>已预览 %n 个修复。</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="115" />
        <source>Could not prepare the fix: %1</source>
        <translation>无法准备修复：%1</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="131" />
        <source>Destructive: you will type %1 to confirm</source>
        <translation>破坏性操作：你需要输入 %1 以确认</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="137" />
        <source>Could not be prepared</source>
        <translation>无法准备</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="140" />
        <source>Steps for a person: nothing is sent.</source>
        <translation>需要人工执行的步骤：不会发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="147" />
        <location filename="../../ui/fix/PreviewPage.cpp" line="150" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/fix/PreviewPage.cpp" line="171" />
        <source>Change made by write %1: %2 line(s) removed, %3 added</source>
        <translation>第 %1 次写入的修改：删除 %2 行，新增 %3 行</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::ProbeTimelineChart</name>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="137" />
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="139" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="141" />
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="174" />
        <source>Probe timeline: no diagnosis yet</source>
        <translation>探测时间线：尚未诊断</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="175" />
        <source>Probe timeline: %1 probes, %2 failed (ms since start)</source>
        <translation>探测时间线：%1 次探测，%2 次失败（自开始起的毫秒数）</translation>
    </message>
    <message>
        <location filename="../../ui/ProbeTimelineChart.cpp" line="195" />
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
    <name>unstuck::ui::WhatPage</name>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="37" />
        <source>What and why</source>
        <translation>做什么、为什么</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="41" />
        <source>Heal all: the recommended fixes, root cause first. After each one Unstuck verifies, and goes on only while the chain is still red.</source>
        <translation>全部修复：推荐的修复，从根因开始。每个修复之后 Unstuck 都会验证，只有依赖链仍为红色时才继续下一个。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="43" />
        <source>What this fix does, before anything is read or written.</source>
        <translation>此修复会做什么（在读取或写入任何内容之前）。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="46" />
        <source>No fix is recommended for what is broken now.</source>
        <translation>对当前的故障没有推荐的修复。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="49" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="50" />
        <source>Acts on</source>
        <translation>作用于</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="52" />
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="56" />
        <source>What it changes</source>
        <translation>它会修改什么</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="57" />
        <source>Nothing: these steps are for a person.</source>
        <translation>不修改任何内容：这些步骤需要人工执行。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="61" />
        <source>What it does not change</source>
        <translation>它不会修改什么</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="62" />
        <source>Nothing beyond the writes above; what they give up on is said under Risk. Nothing is written until you type the name and press Apply.</source>
        <translation>除上述写入外不修改任何内容；它们放弃了什么见“风险”。在你输入名称并按“应用”之前不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="65" />
        <source>Nothing beyond the writes above: no other object, policy or route. Nothing is written until you press Apply.</source>
        <translation>除上述写入外不修改任何内容：不涉及其他对象、策略或路由。在你按“应用”之前不会写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="71" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WhatPage.cpp" line="73" />
        <source>Done when</source>
        <translation>完成标准</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::WindowActions</name>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="111" />
        <source>&amp;Connect…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="111" />
        <source>Choose a cluster, a profile or the demo</source>
        <translation>选择集群、配置文件或演示</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="112" />
        <source>&amp;Open connection profile…</source>
        <translation>打开连接配置文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="113" />
        <source>Open &amp;capture bundle…</source>
        <translation>打开抓包文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="113" />
        <source>Replay a recorded diagnosis</source>
        <translation>重放已录制的诊断</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="114" />
        <source>Graph as &amp;PNG…</source>
        <translation>导出图为 &amp;PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="115" />
        <source>Graph as &amp;SVG…</source>
        <translation>导出图为 &amp;SVG…</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="116" />
        <source>&amp;HTML report…</source>
        <translation>&amp;HTML 报告…</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="117" />
        <source>&amp;Markdown report…</source>
        <translation>&amp;Markdown 报告…</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="118" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="119" />
        <source>&amp;Paste diagnosis input</source>
        <translation>粘贴诊断输入(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="120" />
        <source>Diagnose from ticket text on the clipboard (kubectl output, logs, YAML)</source>
        <translation>根据剪贴板中的工单文本诊断（kubectl 输出、日志、YAML）</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="121" />
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="122" />
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="123" />
        <source>&amp;Fit to window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="124" />
        <source>&amp;Presenter view</source>
        <translation>演示者视图(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="125" />
        <source>Only the root cause and the graph, large enough for a projector (F11)</source>
        <translation>只显示根因和依赖关系图，字号足够投影仪上阅读（F11）</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="126" />
        <source>&amp;Dark palette</source>
        <translation>深色配色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="127" />
        <source>&amp;Diagnose again</source>
        <translation>重新诊断(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="127" />
        <source>Run the diagnosis again (F5)</source>
        <translation>重新运行诊断（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="128" />
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="128" />
        <source>Stop the running diagnosis (Esc)</source>
        <translation>停止正在运行的诊断（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="129" />
        <source>&amp;Auto-refresh</source>
        <translation>自动刷新(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="129" />
        <source>Diagnose again every 30 seconds</source>
        <translation>每 30 秒重新诊断一次</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="130" />
        <source>&amp;About Unstuck</source>
        <translation>关于 Unstuck(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="131" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="131" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="131" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="131" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="132" />
        <source>&amp;Diagnose</source>
        <translation>诊断(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="132" />
        <source>De&amp;mo</source>
        <translation>演示(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="132" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/WindowActions.cpp" line="132" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::ComponentItem</name>
    <message>
        <location filename="../../ui/ComponentItem.cpp" line="191" />
        <location filename="../../ui/LinkItem.cpp" line="123" />
        <source>ROOT CAUSE</source>
        <translation>根因</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::FixWizardText</name>
    <message>
        <location filename="../../ui/fix/WizardText.cpp" line="83" />
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WizardText.cpp" line="85" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WizardText.cpp" line="87" />
        <source>unverified (not dry-runnable)</source>
        <translation>未验证（不支持试运行）</translation>
    </message>
    <message>
        <location filename="../../ui/fix/WizardText.cpp" line="90" />
        <source>could not check</source>
        <translation>无法检查</translation>
    </message>
</context>
<context>
    <name>unstuck::ui::LinkItem</name>
    <message>
        <location filename="../../ui/LinkItem.cpp" line="142" />
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
        <location filename="../../ui/Exporter.cpp" line="147" />
        <location filename="../../ui/Exporter.cpp" line="152" />
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="98" />
        <location filename="../../ui/Exporter.cpp" line="126" />
        <source>Probe timeline</source>
        <translation>探测时间线</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="98" />
        <location filename="../../ui/Exporter.cpp" line="126" />
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="98" />
        <location filename="../../ui/Exporter.cpp" line="126" />
        <source>Start (ms)</source>
        <translation>开始（毫秒）</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="98" />
        <location filename="../../ui/Exporter.cpp" line="127" />
        <source>End (ms)</source>
        <translation>结束（毫秒）</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="99" />
        <location filename="../../ui/Exporter.cpp" line="127" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="106" />
        <location filename="../../ui/Exporter.cpp" line="134" />
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="107" />
        <location filename="../../ui/Exporter.cpp" line="135" />
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/Exporter.cpp" line="108" />
        <location filename="../../ui/Exporter.cpp" line="136" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
</TS>