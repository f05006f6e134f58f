import { z } from 'zod';
import { changePasswordInput, createUserInput, passwordSchema, recordId, unitCodeSchema } from '@dudao/schema/inputs';
import { roles } from '@dudao/schema/tables';
import { createUser, listUsers } from '../../services/users/accounts';
import { changeOwnPassword, resetPassword, setDisabled, setRole } from '../../services/users/manage';
import { guarded, router } from '../init';

const userId = z.object({ userId: recordId });

export const usersRouter = router({
  list: guarded('users.list').query(({ ctx }) => listUsers(ctx.service)),
  create: guarded('users.create')
    .input(createUserInput)
    .mutation(async ({ ctx, input }) => {
      const { passwordHash: _hidden, ...user } = await createUser(ctx.service, { ...input, mustChangePassword: true });
      return user;
    }),
  setDisabled: guarded('users.setDisabled')
    .input(userId.extend({ disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setDisabled(ctx.service, input.userId, input.disabled)),
  setRole: guarded('users.setRole')
    .input(userId.extend({ role: z.enum(roles, { message: '角色无效' }), scopeCode: unitCodeSchema }))
    .mutation(({ ctx, input }) => setRole(ctx.service, input.userId, input.role, input.scopeCode)),
  resetPassword: guarded('users.resetPassword')
    .input(userId.extend({ password: passwordSchema }))
    .mutation(({ ctx, input }) => resetPassword(ctx.service, input.userId, input.password)),
});

export const accountRouter = router({
  changePassword: guarded('account.changePassword')
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.service, input, ctx.sessionToken)),
});
