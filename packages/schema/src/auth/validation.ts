import { z } from 'zod';
import { roles } from './tables';
import { anyUnitCode as unitCodeSchema } from '../common/validation';

export const loginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
/** Why a password breaks the policy (at least 8 characters, 3 of upper / lower / digit / symbol), or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  if (/[\p{Cc}\s]/u.test(password)) return '密码不能含空格或控制字符';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}
export const passwordSchema = z.string().superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export const changePasswordInput = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(256),
  newPassword: passwordSchema,
});
export const createUserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,64}$/, '用户名为3-64位小写字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '请输入姓名').max(64, '姓名不能超过 64 字'),
  password: passwordSchema,
  role: z.enum(roles, { message: '角色无效' }),
  scopeCode: unitCodeSchema,
});
