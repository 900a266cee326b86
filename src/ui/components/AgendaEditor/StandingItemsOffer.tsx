import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { StandingItem } from '../../../domain/standingItems';
import { useStrings } from '../../i18n/LocaleContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

/**
 * "Faste punkter" on an empty agenda: the series' standing items, listed, and added with one click
 * ("Tilføj faste punkter") in their order.
 */
export function StandingItemsOffer({
  load,
  onAdd,
}: {
  load(): Promise<StandingItem[]>;
  onAdd(items: StandingItem[]): void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const [items, setItems] = useState<StandingItem[]>([]);
  useEffect(() => {
    let live = true;
    // Without them (the archive unreadable) the secretary adds items by hand, as before.
    load().then(
      (found) => live && setItems(found),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (!items.length) return null;
  return (
    <section className={styles.root} aria-label={s.standingItems}>
      <Caption1>{s.standingItemsList(items.map((i) => i.title).join(', '))}</Caption1>
      <Button onClick={() => onAdd(items)}>
        {s.addStandingItems}
      </Button>
    </section>
  );
}
