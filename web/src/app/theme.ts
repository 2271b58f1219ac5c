import {
  Anchor,
  createTheme,
  localStorageColorSchemeManager,
  Modal,
  Notification,
  PasswordInput,
  TextInput,
  type CSSVariablesResolver,
} from "@mantine/core";

/** Shades picked so text on buttons, links and badges keeps a 4.5:1 contrast in both schemes. */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: "md",
  cursorType: "pointer",
  headings: { fontWeight: "650" },
  components: {
    // Links stand out from the text around them by more than colour.
    Anchor: Anchor.extend({ defaultProps: { underline: "always" } }),
    // Every field is required unless it says "optional", so labels stay plain: "Email", not "Email *".
    TextInput: TextInput.extend({ defaultProps: { withAsterisk: false } }),
    PasswordInput: PasswordInput.extend({ defaultProps: { withAsterisk: false } }),
    // Close buttons that show only an icon still need a name for screen readers.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close" } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { "aria-label": "Dismiss" } },
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    // Dark enough to read on the light background even while hovered.
    "--mantine-color-indigo-light-color": "#2f44ad",
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
    "--mantine-color-error": "var(--mantine-color-red-8)",
  },
  dark: {
    "--mantine-color-dimmed": "var(--mantine-color-dark-1)",
    "--mantine-color-placeholder": "var(--mantine-color-dark-2)",
    "--mantine-color-error": "var(--mantine-color-red-5)",
  },
});

/** Light or dark, as the person last chose it on this device. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: "handoff-color-scheme" });
