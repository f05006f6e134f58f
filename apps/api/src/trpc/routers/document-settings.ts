import { documentSettingsGetInput, documentSettingsSaveInput } from '@dudao/schema/inputs';
import { documentSettings, saveDocumentSettings } from '../../services/documents/settings-store';
import { guarded, router } from '../init';

export const documentSettingsRouter = router({
  get: guarded('documentSettings.get')
    .input(documentSettingsGetInput)
    .query(({ ctx, input }) => documentSettings(ctx.service, input.unit)),
  save: guarded('documentSettings.save')
    .input(documentSettingsSaveInput)
    .mutation(async ({ ctx, input }) => {
      const { unit, ...fields } = input;
      return saveDocumentSettings(ctx.service, unit, fields);
    }),
});
