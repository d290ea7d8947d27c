// Flag keys used by the theme switcher.
export const DARK_MODE_FLAG = 'dark-mode'
