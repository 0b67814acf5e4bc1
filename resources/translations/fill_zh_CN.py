#!/usr/bin/env python3
# Fills resources/translations/unstuck_zh_CN.ts after lupdate (see docs/gui.md).
import xml.etree.ElementTree as ET, sys
Z = {
'Copy':'复制','Copy this command to the clipboard':'将此命令复制到剪贴板','Command':'命令',
'%1 (current)':'%1（当前）',
'No Kubernetes context found. Set KUBECONFIG or create ~/.kube/config, open a connection profile (File → Open), or try the demo below.':'未找到 Kubernetes 上下文。请设置 KUBECONFIG 或创建 ~/.kube/config，打开连接配置文件（文件 → 打开），或试用下方的演示。',
'Select a context in the list, or open a connection profile.':'请在列表中选择一个上下文，或打开连接配置文件。',
'Why is my namespace stuck in Terminating?':'为什么我的命名空间卡在 Terminating？',
'Unstuck follows the chain from the stuck namespace through the API server, aggregated APIs, the pod network and the cloud account, and shows where it breaks. It only reads; nothing is changed.':'Unstuck 沿着依赖链从卡住的命名空间出发，依次检查 API 服务器、聚合 API、Pod 网络和云账号，并指出断在哪里。它只读取，不做任何修改。',
'Kubernetes context':'Kubernetes 上下文','No kubeconfig file was read.':'未读取任何 kubeconfig 文件。','From: %1':'来源：%1',
'Cloud credentials':'云凭证','none found — the cloud side will show as unknown':'未找到——云端部分将显示为未知',
'Do not look at the cloud side':'不检查云端','Or a connection profile (profile.json)':'或使用连接配置文件（profile.json）',
'Path of a connection profile; overrides the context':'连接配置文件路径；优先于上下文','Browse…':'浏览…',
'Namespace (empty = every Terminating namespace):':'命名空间（留空 = 所有处于 Terminating 的命名空间）：',
'Diagnose':'诊断','No cluster at hand? Start the built-in simulator:':'手边没有集群？启动内置模拟器：','Start demo':'启动演示',
'%1 since %2':'%1，自 %2 起','%1 since %2; finalizers: %3':'%1，自 %2 起；finalizers：%3','none':'无',
'Stuck namespaces (%1)':'卡住的命名空间（%1）','Stuck namespaces':'卡住的命名空间','Root cause':'根因',
'Diagnosing…':'正在诊断…','Nothing is stuck: no namespace is Terminating.':'没有卡住的命名空间：没有命名空间处于 Terminating。',
'No root cause found.':'未找到根因。','No diagnosis yet.':'尚未诊断。','Back to connect':'返回连接',
'Story':'经过','Probe timeline':'探测时间线','History':'历史','Inspector':'详情','Fixes':'修复','Fixes (%1)':'修复（%1）',
'Request':'请求','Status':'状态','Answer':'应答','Observed':'观测时间','Source':'来源',
'Raw answer (JSON/YAML)':'原始应答（JSON/YAML）','Raw answer':'原始应答',
'No fix is recommended for this diagnosis.':'此诊断没有推荐的修复。',
'Recommended fixes, deepest cause first. This is a preview: nothing is sent to the cluster or the cloud account.':'推荐的修复，最深层的原因在前。这只是预览：不会向集群或云账号发送任何请求。',
'Risk:':'风险：','Preflight':'预检','Steps':'步骤','Undo':'撤销','Verify:':'验证：',
'Dependency graph':'依赖关系图','diagnosis run':'诊断次数','Component states over repeated diagnoses':'多次诊断中各组件的状态',
'Component states over repeated diagnoses (one column per run)':'多次诊断中各组件的状态（每次诊断一列）',
'Probe timeline: %1 probes, %2 failed (ms since start)':'探测时间线：%1 次探测，%2 次失败（自开始起的毫秒数）','History chart':'历史图表',
'Evidence: none recorded':'证据：无记录','Evidence (%n)':'证据（%n）','In the story':'在经过中',
'Click a component or a link in the graph (or press Tab and Enter) to see its verdict and evidence.':'点击图中的组件或连线（或按 Tab 和回车键）查看其结论和证据。',
'root cause':'根因','About Unstuck':'关于 Unstuck',
'<b>Unstuck</b> %1<br/>Finds why a Kubernetes namespace is stuck in Terminating.<br/>GPL-3.0-or-later.':'<b>Unstuck</b> %1<br/>找出 Kubernetes 命名空间卡在 Terminating 的原因。<br/>GPL-3.0-or-later。',
'Unstuck — why is my namespace stuck?':'Unstuck —— 我的命名空间为什么卡住了？',
'&Connect…':'连接(&C)…','Choose a cluster, a profile or the demo':'选择集群、配置文件或演示',
'&Open connection profile…':'打开连接配置文件(&O)…','Open &capture bundle…':'打开抓包文件(&C)…','Replay a recorded diagnosis':'重放已录制的诊断',
'Graph as &PNG…':'导出图为 &PNG…','Graph as &SVG…':'导出图为 &SVG…','&HTML report…':'&HTML 报告…','&Markdown report…':'&Markdown 报告…',
'&Quit':'退出(&Q)','&Paste diagnosis input':'粘贴诊断输入(&P)',
'Diagnose from ticket text on the clipboard (kubectl output, logs, YAML)':'根据剪贴板中的工单文本诊断（kubectl 输出、日志、YAML）',
'Zoom &in':'放大(&I)','Zoom &out':'缩小(&O)','&Fit to window':'适应窗口(&F)','&Dark palette':'深色配色(&D)',
'&Diagnose again':'重新诊断(&D)','Run the diagnosis again (F5)':'重新运行诊断（F5）','&Cancel':'取消(&C)',
'Stop the running diagnosis (Esc)':'停止正在运行的诊断（Esc）','&Auto-refresh':'自动刷新(&A)','Diagnose again every 30 seconds':'每 30 秒重新诊断一次',
'&About Unstuck':'关于 Unstuck(&A)','&File':'文件(&F)','&Export':'导出(&E)','&Edit':'编辑(&E)','&View':'视图(&V)',
'&Diagnose':'诊断(&D)','De&mo':'演示(&M)','&Language':'语言(&L)','&Help':'帮助(&H)','Ready':'就绪',
'Cancelled.':'已取消。','Could not diagnose: %1':'无法诊断：%1','Cancelled: the graph shows what was known so far.':'已取消：图中显示的是目前已知的情况。',
'Done: root cause found in %1 ms.':'完成：在 %1 毫秒内找到根因。','Done: no root cause found.':'完成：未找到根因。',
'Starting the simulator (scenario %1)…':'正在启动模拟器（场景 %1）…','Unstuck — demo: %1':'Unstuck —— 演示：%1','Demo: %1':'演示：%1',
'The connection profile %1 does not exist. Choose another file (File → Open) or pick a context.':'连接配置文件 %1 不存在。请选择其他文件（文件 → 打开）或选择一个上下文。',
'The clipboard holds no text to diagnose.':'剪贴板中没有可诊断的文本。',
'PNG image (*.png)':'PNG 图像 (*.png)','SVG image (*.svg)':'SVG 图像 (*.svg)','HTML report (*.html)':'HTML 报告 (*.html)','Markdown report (*.md)':'Markdown 报告 (*.md)',
'Export':'导出','Exported %1.':'已导出 %1。','Open connection profile':'打开连接配置文件','Connection profile (*.json);;All files (*)':'连接配置文件 (*.json);;所有文件 (*)',
'Open capture bundle':'打开抓包文件','Capture bundle (*);;All files (*)':'抓包文件 (*);;所有文件 (*)',
'succeeded':'成功','failed':'失败','running':'进行中','milliseconds since the diagnosis started':'自诊断开始以来的毫秒数',
'Probe timeline: no diagnosis yet':'探测时间线：尚未诊断','Probe timeline: %1 probes, %2 failed':'探测时间线：%1 次探测，%2 次失败',
'The simulator %1 was not found. Build or install unstuck-sim next to unstuck.':'未找到模拟器 %1。请在 unstuck 旁边构建或安装 unstuck-sim。',
'The simulator could not be started: %1':'无法启动模拟器：%1','The simulator crashed. %1':'模拟器崩溃了。%1',
'The simulator stopped (exit code %1). %2':'模拟器已停止（退出码 %1）。%2','The simulator exited before it was ready (exit code %1). %2':'模拟器在就绪前退出（退出码 %1）。%2',
'ROOT CAUSE':'根因','%1 → %2 (%3): %4':'%1 → %2（%3）：%4','Could not write %1.':'无法写入 %1。','Unstuck dependency graph':'Unstuck 依赖关系图',
'Could not write %1: %2':'无法写入 %1：%2','Unstuck diagnosis':'Unstuck 诊断报告','Context':'上下文','Started':'开始时间','Stuck namespace':'卡住的命名空间',
'What happened':'发生了什么','Components':'组件','Links':'连接','Recommended fixes':'推荐的修复','Probe':'探测','Start (ms)':'开始（毫秒）','End (ms)':'结束（毫秒）','Result':'结果','ok':'正常',
'API Server':'API 服务器','Metrics Server':'指标服务器','Namespace Controller':'命名空间控制器','Route Controller':'路由控制器','VPC route table':'VPC 路由表','RAM policy':'RAM 权限策略',
'Finalizers':'Finalizer','Webhook':'Webhook','healthy':'健康','failing':'故障','not applicable':'不适用','unknown':'未知','broken':'中断',
'discovery':'API 发现','APIService proxy':'APIService 代理','pod route':'Pod 路由','maintains routes':'维护路由','permission':'权限','depends on':'依赖','deletes content':'删除内容',
# Connect view: cloud credential sources, access keys in the OS keychain.
"An access key named '%1' is already saved; saving replaces it.":'已保存名为“%1”的访问密钥；保存将替换它。',
"The secret goes to the OS keychain only: never to Unstuck's settings, logs or reports.":'密钥 Secret 只保存在操作系统钥匙串中，绝不会写入 Unstuck 的设置、日志或报告。',
'Add access key':'添加访问密钥',
"An Alibaba Cloud RAM user's AccessKey pair. Read-only permissions are enough for a diagnosis (vpc, ecs and ram Describe/Get/List).":'阿里云 RAM 用户的 AccessKey。诊断只需只读权限（vpc、ecs 和 ram 的 Describe/Get/List）。',
'Name:':'名称：','e.g. prod-readonly':'例如 prod-readonly','AccessKey ID:':'AccessKey ID：','AccessKey secret:':'AccessKey Secret：',
'Automatic (none found)':'自动（未找到）','Automatic (first found: %1)':'自动（首个找到的：%1）',
'%1 — cannot be used':'%1 —— 无法使用','OS keychain: %1':'系统钥匙串：%1',
'The cloud side will not be checked.':'不会检查云端。',
'Will use: the cloud credentials named in the connection profile.':'将使用：连接配置文件中指定的云凭证。',
'Will use: %1':'将使用：%1',
'No cloud credentials found: the cloud side will show as unknown. Add an access key, run `aliyun configure`, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.':'未找到云凭证：云端部分将显示为未知。请添加访问密钥、运行 `aliyun configure`，或设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。',
"Will use: the access key '%1' from the OS keychain (read when the diagnosis starts).":'将使用：系统钥匙串中的访问密钥“%1”（诊断开始时读取）。',
'This source cannot be used: %1':'此来源无法使用：%1',
"It replaces the connection profile's own credentials.":'它将替代连接配置文件自带的凭证。',
"The access key '%1' was not saved: %2":'访问密钥“%1”未保存：%2',
'Remove access key':'移除访问密钥',
"Remove the access key '%1' from the OS keychain? Unstuck cannot use it afterwards until it is added again.":'要从系统钥匙串中移除访问密钥“%1”吗？移除后，除非重新添加，Unstuck 将无法使用它。',
"The access key '%1' was not removed: %2":'访问密钥“%1”未移除：%2',
'Add access key…':'添加访问密钥…','Save an AccessKey pair in the OS keychain':'将 AccessKey 保存到系统钥匙串',
'Remove':'移除','Remove the selected access key from the OS keychain':'从系统钥匙串中移除所选的访问密钥',
"Could not read the access key '%1' from the OS keychain: %2":'无法从系统钥匙串读取访问密钥“%1”：%2',
"The OS keychain entry '%1' does not hold an AccessKey ID and secret. Remove it and add the access key again.":'系统钥匙串条目“%1”中没有 AccessKey ID 和 Secret。请移除它并重新添加访问密钥。',
'Reading the access key from the OS keychain…':'正在从系统钥匙串读取访问密钥…',
'this build of Unstuck has no OS keychain support (it was built without QtKeychain)':'此版本的 Unstuck 不支持系统钥匙串（构建时未包含 QtKeychain）',
'This build has no OS keychain support: access keys added here are kept in memory only, until Unstuck quits.':'此版本不支持系统钥匙串：在此添加的访问密钥仅保存在内存中，直到 Unstuck 退出。',
'Use an aliyun CLI profile (aliyun configure) or the ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET environment variables instead.':'请改用 aliyun CLI 配置（aliyun configure）或环境变量 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET。',
'The OS keychain is not available (%1). On Linux Unstuck reaches it through the Secret Service over D-Bus (GNOME Keyring, KWallet or KeePassXC), which needs a desktop session. %2':'系统钥匙串不可用（%1）。在 Linux 上，Unstuck 通过 D-Bus 上的 Secret Service（GNOME Keyring、KWallet 或 KeePassXC）访问钥匙串，这需要桌面会话。%2',
'The OS keychain is not available (%1). %2':'系统钥匙串不可用（%1）。%2',
"There is no entry '%1' in the OS keychain. Add the access key again (Add access key… in the connect view) or choose another cloud credential source.":'系统钥匙串中没有条目“%1”。请重新添加访问密钥（连接页面中的“添加访问密钥…”），或选择其他云凭证来源。',
"The OS keychain refused access to the entry '%1' (%2). Unlock the keychain and allow Unstuck to use it, then try again.":'系统钥匙串拒绝访问条目“%1”（%2）。请解锁钥匙串并允许 Unstuck 使用，然后重试。',
"The OS keychain could not delete the entry '%1' (%2).":'系统钥匙串无法删除条目“%1”（%2）。',
'no answer within %1 s; a locked keyring may be waiting for its password':'%1 秒内无应答；已锁定的钥匙串可能正在等待输入密码',
}
path=sys.argv[1]
t=ET.parse(path)
missing=[]
for ctx in t.getroot().findall('context'):
    # lupdate 6.4 does not follow `namespace unstuck::ui {`; tr() uses the qualified class name.
    name=ctx.find('name')
    if '::' not in name.text:
        name.text='unstuck::ui::'+name.text
    for m in ctx.findall('message'):
        src=m.find('source').text
        tr=m.find('translation')
        if src not in Z:
            missing.append(src); continue
        tr.attrib.pop('type',None)
        if m.get('numerus')=='yes':
            for c in list(tr): tr.remove(c)
            n=ET.SubElement(tr,'numerusform'); n.text=Z[src]
            tr.text=None
        else:
            tr.text=Z[src]
t.write(path,encoding='utf-8',xml_declaration=True)
if missing:
    print('MISSING',missing); sys.exit(1)
print('ok')
