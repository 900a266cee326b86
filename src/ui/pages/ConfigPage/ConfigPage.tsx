import { Text, Title2 } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useStrings } from '../../i18n/LocaleContext';

/** The configurable tab's settings page: nothing to choose, the tab is bound to the meeting it is added to. */
export function ConfigPage({ onReady }: { onReady?: () => void }) {
  const s = useStrings();
  useEffect(() => onReady?.(), [onReady]);
  return (
    <section>
      <Title2 as="h1">{s.configTitle}</Title2>
      <Text as="p">{s.configBody}</Text>
    </section>
  );
}
