import { expect, test } from '@playwright/test';
import { launchWithExtension, openPopup, type LaunchedExtension } from './extension';

let ext: LaunchedExtension;

test.beforeAll(async () => {
  ext = await launchWithExtension();
});

test.afterAll(async () => {
  await ext?.context.close();
});

test('offline, "Update now" in the popup reports the failures and one line says the lists in force are kept and when the next try is', async () => {
  const popup = await openPopup(ext);
  // The browser is offline: every bundled list's public address fails.
  await popup.getByRole('button', { name: 'Update now' }).click();
  const result = popup.getByTestId('update-result');
  await expect(result).toContainText(/^Update finished with failures: 0 updated, 0 unchanged, [1-9]\d* failed\./, {
    timeout: 120_000,
  });
  await expect(result).toHaveAttribute('role', 'alert');
  await expect(popup.getByTestId('offline')).toHaveText(
    /^Offline: the lists in force are kept\. Next try \d{4}-\d\d-\d\d \d\d:\d\d\.$/,
  );
  await expect(popup.getByTestId('protection')).toHaveText('Protection is on');
  await expect(popup.getByTestId('entries-in-force')).toContainText(/^[1-9][\d,]* entries in force$/);
  // Only this one line about the failures: the lists and their errors are on the settings page.
  await expect(popup.getByText('Last error')).toHaveCount(0);
});
