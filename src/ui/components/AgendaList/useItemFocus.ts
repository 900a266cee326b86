import { useState } from 'react';

/**
 * Which item the referent has open: the meeting clock's current item, unless the referent opened another
 * one since the clock last moved. When the clock moves on, the focus follows it. Null: no focus (the clock
 * is not running), every item open.
 */
export function useItemFocus(clockItem: number | null) {
  const [chosen, setChosen] = useState<{ underClock: number; item: number } | null>(null);
  const focusItem =
    clockItem === null ? null : chosen && chosen.underClock === clockItem ? chosen.item : clockItem;
  const focus = (item: number) => {
    if (clockItem !== null) setChosen({ underClock: clockItem, item });
  };
  return { focusItem, focus };
}
