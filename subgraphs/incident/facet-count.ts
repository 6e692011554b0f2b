import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * How many standing (not retracted) incidents share one combination of the columns the facets filter
 * and group by: a start and end, a type, ACLED's types, aggregate or not, and the country of their
 * place ("" for none). Kept by triggers on `incident` and `place` in the same transaction as every
 * write (see the facet-counts migrations), so `incidentFacets` sums a few thousand cells, not a
 * million incidents. A cell whose incidents all went keeps a count of 0.
 */
@Entity("incident_facet_count")
export class IncidentFacetCount {
  @PrimaryColumn("varchar", { length: 32 })
  startsAt: string;

  @PrimaryColumn("varchar", { length: 32 })
  endsAt: string;

  @PrimaryColumn("varchar", { length: 32 })
  type: string;

  @PrimaryColumn("varchar", { length: 40 })
  acledEventType: string;

  @PrimaryColumn("varchar", { length: 48 })
  acledSubEventType: string;

  @PrimaryColumn("boolean")
  isAggregate: boolean;

  @PrimaryColumn("varchar", { length: 2 })
  countryCode: string;

  @Column("integer")
  count: number;
}
