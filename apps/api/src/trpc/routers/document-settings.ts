import { documentSettingsGetInput, documentSettingsSaveInput } from '@dudao/schema/inputs';
import { documentSettings, saveDocumentSettings } from '../../services/documents/settings-store';
import { guarded, router } from '../init';

export const documentSettingsRouter = router({
  get: guarded('documentSettings.get')
    .input(documentSettingsGetInput)
    .query(({ ctx, input }) => documentSettings(ctx.db, ctx.campaign, input.unit)),
  save: guarded('documentSettings.save')
    .input(documentSettingsSaveInput)
    .mutation(({ ctx, input }) => {
      const { unit, ...fields } = input;
      return saveDocumentSettings(ctx.db, ctx.campaign, unit, fields, ctx.user, ctx.now().toISOString());
    }),
});
