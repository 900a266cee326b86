import { createContext, useContext, type ReactNode } from 'react';
import { STRINGS, type Strings, type UiLocale } from './strings';

const LocaleContext = createContext<UiLocale>('da');

export function LocaleProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export const useLocale = (): UiLocale => useContext(LocaleContext);
export const useStrings = (): Strings => STRINGS[useContext(LocaleContext)];
