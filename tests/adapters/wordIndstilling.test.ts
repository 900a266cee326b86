import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from 'docx';
import { readWordIndstilling } from '../../src/adapters/documents/wordIndstilling';

/** A case worker's indstilling, written in Word with the template's headings, a numbered list and the footer table. */
async function caseWorkersDocument(extra: Paragraph[] = []): Promise<Uint8Array> {
  const numbered = (text: string) => new Paragraph({ text, numbering: { reference: 'points', level: 0 } });
  const cell = (...lines: string[]) => new TableCell({ children: lines.map((l) => new Paragraph(l)) });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Indstilling til rådmanden', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('24. juni 2024 - 10 minutter'),
          new Paragraph('ÅBENT'),
          new Paragraph({ text: 'Status på Integrationshandleplanen', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'INDLEDNING', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Til rådmandens orientering fremsendes en kort status.'),
          new Paragraph({ text: 'INDSTILLING', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Det indstilles,'),
          numbered('at rådmanden tager status på Integrationshandleplanen til efterretning,'),
          numbered('at rådmanden godkender den videre proces.'),
          new Paragraph({ text: 'SAGSFREMSTILLING', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Handleplanens fire indsatsområder er i gang.'),
          new Paragraph({ text: 'Sprog', heading: HeadingLevel.HEADING_4 }),
          new Paragraph('Sprogmentorindsatsen er igangsat.'),
          new Paragraph({ text: 'ØKONOMI', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Ingen merudgifter.'),
          new Paragraph({ text: 'BILAG', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Bilag 1: Handleplan - Integrationsområdet JUNI 2024'),
          new Paragraph('Bilag 2: Handlingsnotat'),
          new Table({
            rows: [
              new TableRow({
                children: [
                  cell('Fagligt Sekretariat', '19.06.2024'),
                  cell('Sagsbehandler: Sofie Jørgensen', 'Tlf.: 29 20 89 37', 'E-post: sobri@aarhus.dk'),
                ],
              }),
            ],
          }),
          ...extra,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

test('a Word indstilling: headings and the numbered "at"-points recognised, the footer table read', async () => {
  const { indstilling: x, trailing } = await readWordIndstilling(await caseWorkersDocument());
  expect(x).toEqual({
    recipient: 'rådmanden',
    date: '2024-06-24',
    minutes: 10,
    closed: false,
    title: 'Status på Integrationshandleplanen',
    points: [
      'rådmanden tager status på Integrationshandleplanen til efterretning,',
      'rådmanden godkender den videre proces.',
    ],
    sections: {
      indledning: 'Til rådmandens orientering fremsendes en kort status.',
      // A heading the template does not know ("Sprog") is kept as text of the section it stands in.
      sagsfremstilling:
        'Handleplanens fire indsatsområder er i gang.\n\nSprog\n\nSprogmentorindsatsen er igangsat.',
      oekonomi: 'Ingen merudgifter.',
    },
    bilag: ['Handleplan - Integrationsområdet JUNI 2024', 'Handlingsnotat'],
    caseWorker: {
      department: 'Fagligt Sekretariat',
      date: '2024-06-19',
      name: 'Sofie Jørgensen',
      phone: '29 20 89 37',
      email: 'sobri@aarhus.dk',
    },
  });
  expect(trailing).toEqual([]);
});

test('text after the footer is not lost: it goes into the nearest section', async () => {
  const { indstilling: x } = await readWordIndstilling(
    await caseWorkersDocument([new Paragraph('Efterskrift: sagen er drøftet med MED-udvalget.')]),
  );
  expect(x.sections.oekonomi).toBe('Ingen merudgifter.\n\nEfterskrift: sagen er drøftet med MED-udvalget.');
});
