import { z } from 'zod';
import { roles } from './tables';
import { unitCodeSchema } from '../reports/validation';

export const loginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export const passwordSchema = z.string().min(8, '密码至少8位').max(256, '密码过长');
export const changePasswordInput = z.object({ oldPassword: z.string().min(1, '请输入原密码'), newPassword: passwordSchema });
export const createUserInput = z.object({
  username: z.string().trim().regex(/^[a-z0-9_.-]{3,64}$/, '用户名为3-64位小写字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '请输入姓名'),
  password: passwordSchema,
  role: z.enum(roles, { message: '角色无效' }),
  scopeCode: unitCodeSchema,
});
