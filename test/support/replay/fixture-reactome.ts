// Reactome ContentService answers for the replay cohort (reference §3.3): lowest-level pathways per
// UniProt accession and the reference entities of each pathway (gene products plus a ChEBI molecule).
import { UNIPROT_OF } from "./fixture-genes.js";

export interface ReactomePathwayFixture {
  stId: string;
  dbId: number;
  displayName: string;
  genes: string[];
}

export interface ReactomeFixture {
  /** What /data/database/version answers. */
  databaseVersion: number;
  pathways: ReactomePathwayFixture[];
  uniprotOf: Record<string, string>;
}

export const REACTOME_FIXTURE: ReactomeFixture = {
  databaseVersion: 95,
  uniprotOf: UNIPROT_OF,
  pathways: [
    { stId: "R-HSA-1234158", dbId: 1234158, displayName: "Regulation of gene expression by Hypoxia-inducible Factor", genes: ["VEGFA", "CA9", "SLC2A1"] },
    { stId: "R-HSA-6804754", dbId: 6804754, displayName: "Regulation of TP53 Expression", genes: ["TP53"] },
    { stId: "R-HSA-177929", dbId: 177929, displayName: "Signaling by EGFR", genes: ["EGFR", "KRAS"] },
    { stId: "R-HSA-70268", dbId: 70268, displayName: "Pyruvate metabolism", genes: ["LDHA"] },
  ],
};

export function reactomePathwaysOfSymbol(fixture: ReactomeFixture, symbol: string): ReactomePathwayFixture[] {
  return fixture.pathways.filter((pathway) => pathway.genes.includes(symbol));
}
