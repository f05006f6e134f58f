import { z } from 'zod';
import { changePasswordInput, createUserInput, passwordSchema, unitCodeSchema } from '@dudao/schema/inputs';
import { roles } from '@dudao/schema/tables';
import { createUser, listUsers } from '../../services/users/accounts';
import { changeOwnPassword, resetPassword, setDisabled, setRole } from '../../services/users/manage';
import { guarded, router } from '../init';

const userId = z.object({ userId: z.number().int().positive() });

export const usersRouter = router({
  list: guarded('users.list').query(({ ctx }) => listUsers(ctx.db)),
  create: guarded('users.create')
    .input(createUserInput)
    .mutation(async ({ ctx, input }) => {
      const { passwordHash: _hidden, ...user } = await createUser(ctx.db, { ...input, mustChangePassword: true }, ctx.user, ctx.now().toISOString());
      return user;
    }),
  setDisabled: guarded('users.setDisabled')
    .input(userId.extend({ disabled: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => setDisabled(tx, input.userId, input.disabled, ctx.user, ctx.now().toISOString()))),
  setRole: guarded('users.setRole')
    .input(userId.extend({ role: z.enum(roles, { message: '角色无效' }), scopeCode: unitCodeSchema }))
    .mutation(({ ctx, input }) => ctx.db.transaction((tx) => setRole(tx, input.userId, input.role, input.scopeCode, ctx.user, ctx.now().toISOString()))),
  resetPassword: guarded('users.resetPassword')
    .input(userId.extend({ password: passwordSchema }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input.userId, input.password, ctx.user, ctx.now().toISOString())),
});

export const accountRouter = router({
  changePassword: guarded('account.changePassword')
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.user, input.oldPassword, input.newPassword, ctx.now().toISOString(), ctx.sessionToken)),
});
