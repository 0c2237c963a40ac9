import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PILOTE's zone groups (`zg_applicable`): the territories where an indicator applies (each with
 * every territory below it). NULL: everywhere its level is configured. A policy's weights are
 * renormalised over the indicators applicable in each territory.
 */
export class IndicatorApplicableIn1764000004300 implements MigrationInterface {
  name = 'IndicatorApplicableIn1764000004300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator ADD COLUMN applicable_in text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator DROP COLUMN applicable_in`);
  }
}
