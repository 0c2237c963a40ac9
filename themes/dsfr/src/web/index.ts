export { DsfrThemeProvider } from './DsfrThemeProvider';
