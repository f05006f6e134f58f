/**
 * Each input field as the forms name it. A refusal names the field this way (新密码：…, 手机号：…), never by its code:
 * the people reading it know the label on the page, not the key the page sends.
 */
export const fieldWords: Record<string, string> = {
  // Account and users
  oldPassword: '原密码',
  newPassword: '新密码',
  password: '密码',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  scopeCode: '管辖单位',
  // 通知设置 and 通知渠道
  email: '电子邮箱',
  phone: '手机号',
  choices: '通知渠道选择',
  kind: '类型',
  msgtype: '消息类型',
  host: 'SMTP 服务器',
  port: '端口',
  from: '发件人',
  gateway: '网关地址',
  signName: '短信签名',
  perPhonePerHour: '每号码每小时最多',
  templates: '短信模板',
  webhook: 'Webhook 地址',
  signSecret: '加签密钥',
  apiKey: '网关密钥',
  user: '用户名',
  secure: 'SSL',
  to: '测试收件地址',
  // The clock and the day a page shows
  at: '时间',
  asOf: '数据截至',
  // Reports and their review
  countyCode: '县区',
  unit: '单位',
  unitCode: '单位',
  period: '报送期',
  version: '版本号',
  values: '填报内容',
  comments: '说明',
  reason: '原因',
  // 督办单
  counties: '督办县区',
  title: '标题',
  matter: '督办内容',
  level: '级别',
  deadline: '办理期限',
  links: '关联指标或滞后原因',
  text: '办理情况',
  askClose: '申请办结',
  files: '附件',
  confirmReason: '确认办结的理由',
  id: '编号',
  county: '县区',
  // 督导记录
  visitedOn: '督导日期',
  visitors: '督导人员',
  findings: '发现的问题',
  byLevel: '督导层级',
  evidence: '整改佐证',
  // 公文
  docNumber: '发文字号',
  signer: '签发人',
  contactName: '联系人',
  contactPhone: '联系电话',
  copyTo: '抄送机关',
  recipient: '主送机关',
};

/** A refused field's words: the form's name for it, then what is wrong; a field without a name is not named. */
export function fieldProblem(path: readonly PropertyKey[], message: string): string {
  const key = String(path[0] ?? '');
  return Object.hasOwn(fieldWords, key) ? `${fieldWords[key]}：${message}` : message;
}

/** An input's refused fields in one line, each named as its form names it; every adapter's zod refusal reads so. */
export function inputProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => fieldProblem(i.path, i.message)).join('；');
}
