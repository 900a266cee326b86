import { readIndstilling } from '../../../src/domain/indstilling/readIndstilling';

const lines = (text: string) => text.split('\n').map((t) => ({ text: t }));

/** An indstilling as a FirstAgenda export prints it (2024-02, OCR'd): cover and date repeated on page 2. */
const EXPORTED = `Indstilling til R&dmanden Eﬁﬁﬂ

20/02/2024 - 15 minutter HMHH

Opfolgning pa investeringsmodeller for 2023

INDSTILLING

Det indstilles,
1) at R&dmanden tager opfglgning for 2023 samt forslag
til permanentggrelse af investeringsmodeller til efter-
retning.

2) at Radmanden orienteres om proces for eventuel ud-
mgntning af 10 mio. kr. arligt til Igft af socialomradet.

SAGSFREMSTILLING

Indstillingen praesenterer opfglgning pa investeringsmodellerne.
Tema Mulige emner
Alle skal have den stgtte i barndommen, | e Gentaenkning af dggnomradet
 Indstilling til R&dmanden %ﬁﬂ

20/02/2024 - 15 minutter HMHH
e

svarende til 32 mio. kr. arligt.

OKONOMI

Forligsparterne har mulighed for at lgfte socialomradet.

KOMMUNIKATION

VIDERE PROCES
Materialet fremsendes til Borgmesterens Afdeling.

KOORDINERET MED
Materialet er koordineret med Borgmesterens Afdeling.

BILAG
Bilag 1: Opfglgningsrapport pa investeringsmodeller
2023

Mal, @konomi og Boliger Sagsbehandler: Emma Thusgdrd Rarstrgm og
15. februar 2024 Kamilla Uhd Hansen

E-post: rtem@aarhus.dk
 _ Punkt 4, Bilag 2: Bilag 1
Investeringer - beskaeftigelse Opfalgningsrapport 5`;

test('an exported indstilling: head, points with their broken lines joined, sections, bilag, footer', () => {
  const { indstilling: x, trailing } = readIndstilling(lines(EXPORTED));
  expect(x).toMatchObject({
    recipient: 'rådmanden',
    date: '2024-02-20',
    minutes: 15,
    closed: false,
    title: 'Opfolgning pa investeringsmodeller for 2023',
    points: [
      'R&dmanden tager opfglgning for 2023 samt forslag til permanentggrelse af investeringsmodeller til efterretning.',
      'Radmanden orienteres om proces for eventuel udmgntning af 10 mio. kr. arligt til Igft af socialomradet.',
    ],
    bilag: ['Opfglgningsrapport pa investeringsmodeller 2023'],
    caseWorker: {
      department: 'Mal, @konomi og Boliger',
      name: 'Emma Thusgdrd Rarstrgm og Kamilla Uhd Hansen',
      date: '2024-02-15',
      email: 'rtem@aarhus.dk',
    },
  });
  // The page's repeated cover and date line are furniture; a flattened table stays text of its section.
  expect(x.sections.sagsfremstilling).toBe(
    'Indstillingen praesenterer opfglgning pa investeringsmodellerne.\nTema Mulige emner\nAlle skal have den stgtte i barndommen, | e Gentaenkning af dggnomradet\n\nsvarende til 32 mio. kr. arligt.',
  );
  expect(Object.keys(x.sections)).toEqual(['sagsfremstilling', 'oekonomi', 'videreProces', 'koordineretMed']);
  // What follows the footer is the bilag's own pages, not the indstilling.
  expect(trailing[0]).toBe('_ Punkt 4, Bilag 2: Bilag 1');
});

test('the older template: "Til" and "Fra" lines, numbered questions as headings, "At 1)" points', () => {
  const text = `Indstilling
Til Radmandsmgadet
Fra Mal, @konomi og Boliger

Dato 2. december 2022

Orientering om ny benchmarkingopggrelse
pad beskeeftigelsesomradet

1. Resume

Beskaeftigelsesministeriet har udarbejdet en ny opggrelse.

2. Beslutningspunkter
Det indstilles:
At 1) Radmanden tager opggrelsen til orientering

3. Hvorfor fremsendes indstillingen?

For at orientere.

4. Hvilken vaerdi skabes for borgere og samfund?
Effektiv indsats.

6. Hvilke ressourcer kraeves?
Ingen.

7. Hvordan fglges der op?
To gange arligt.`;
  const { indstilling: x } = readIndstilling(lines(text));
  expect(x.recipient).toBe('rådmandsmødet');
  expect(x.title).toBe('Orientering om ny benchmarkingopggrelse pad beskeeftigelsesomradet');
  expect(x.points).toEqual(['Radmanden tager opggrelsen til orientering']);
  expect(x.caseWorker).toEqual({ department: 'Mal, @konomi og Boliger' });
  // A question the newer template has no section for stays, as text, in the section before it.
  expect(x.sections).toEqual({
    indledning: 'Beskaeftigelsesministeriet har udarbejdet en ny opggrelse.',
    sagsfremstilling:
      'For at orientere.\n\n4. Hvilken vaerdi skabes for borgere og samfund?\nEffektiv indsats.',
    oekonomi: 'Ingen.',
    videreProces: 'To gange arligt.',
  });
});

test('ÅBENT/LUKKET, "Det indstilles, at …" as a single point, and text before any heading kept', () => {
  const { indstilling: x } = readIndstilling(
    lines(
      'Indstilling til udvalget\n24.06.2024 - 20 min\nLUKKET\n\nPersonalesag\n\nEn indledende bemærkning.\n\nINDSTILLING\nDet indstilles, at udvalget godkender ansættelsen.\n\nBILAG\n',
    ),
  );
  expect(x).toMatchObject({
    recipient: 'udvalget',
    closed: true,
    title: 'Personalesag',
    points: ['udvalget godkender ansættelsen.'],
    sections: { indledning: 'En indledende bemærkning.' },
    bilag: [],
    caseWorker: null,
  });
});

test('Word: numbered list paragraphs are the points, a heading of the document’s own stays in the nearest section', () => {
  const { indstilling: x, trailing } = readIndstilling([
    { text: 'Indstilling til rådmanden', heading: true },
    { text: 'Budget 2025', heading: true },
    { text: '' },
    { text: 'INDSTILLING', heading: true },
    { text: 'Det indstilles,' },
    { text: 'at rådmanden godkender temaerne,', listNumber: 1 },
    { text: 'at rådmanden kommer med forslag til emner.', listNumber: 2 },
    { text: 'SAGSFREMSTILLING', heading: true },
    { text: 'Baggrunden er budgetproceduren.' },
    { text: 'Tidsplan', heading: true },
    { text: 'Fire udvalgsmøder.' },
  ]);
  expect(x.title).toBe('Budget 2025');
  expect(x.points).toEqual(['rådmanden godkender temaerne,', 'rådmanden kommer med forslag til emner.']);
  expect(x.sections.sagsfremstilling).toBe('Baggrunden er budgetproceduren.\nTidsplan\nFire udvalgsmøder.');
  expect(trailing).toEqual([]);
});
