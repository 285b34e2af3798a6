import { AxeBuilder } from './axe';
import { expect, test } from './fixtures';
import { VIEWS, openView, startHousehold } from './support';

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`axe finds no violations on any view at ${viewport.width}×${viewport.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    // The onboarding view is a lazy chunk: check it once it has rendered, not the loading state.
    await expect(page.locator('h1')).toBeVisible();
    const onboarding = await new AxeBuilder({ page }).analyze();
    expect(onboarding.violations.map((v) => `onboarding: ${v.id}`)).toEqual([]);
    await startHousehold(page);
    for (const view of VIEWS) {
      await openView(page, view);
      const result = await new AxeBuilder({ page }).analyze();
      expect(
        result.violations.map((v) => `${view}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
      ).toEqual([]);
    }
  });
}
