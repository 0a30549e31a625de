import { CatalogueDocument } from '@kooperacja/domain';
import type { Tx } from '../../db/database.js';
import { shippedCatalogue } from './catalogue.data.js';
import { applyCatalogue, loadNodes, planCatalogue } from './catalogue.js';

/**
 * Loads the shipped programme catalogue (reference data for every database; idempotent): nodes are
 * matched by code path, missing ones created, changed ones updated, others left alone — the same
 * upsert as a JSON import (docs/programmes.md).
 */
export async function loadProgrammeCatalogue(tx: Tx): Promise<void> {
  const doc = CatalogueDocument.parse(shippedCatalogue);
  const plan = planCatalogue(await loadNodes(tx), doc);
  await applyCatalogue(tx, plan);
}
