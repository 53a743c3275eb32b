import type { CSSVariablesResolver } from '@mantine/core'

/**
 * Mantine's default "dimmed" (gray.6 on white) is about 3.3:1, under WCAG AA;
 * gray.7 in light and dark.1 in dark keep secondary text readable (≥ 4.5:1);
 * the error red gets the same treatment.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: { '--mantine-color-dimmed': theme.colors.gray[7]!, '--mantine-color-error': theme.colors.red[9]! },
  dark: { '--mantine-color-dimmed': theme.colors.dark[1]!, '--mantine-color-error': theme.colors.red[4]! },
})
