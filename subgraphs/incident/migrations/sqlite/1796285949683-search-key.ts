import { searchKeyMigration } from "../../../lib/search-index";
import { incidentSearch } from "../../search";

/**
 * search-key (incident, sqlite): by hand. Each incident's search document gets a docid of its own in
 * "incident_search_key" (an INTEGER PRIMARY KEY, which VACUUM keeps) instead of sharing the incident
 * row's rowid, which SQLite does not promise to keep (see `SearchIndex`).
 */
export const SearchKey1796285949683 = searchKeyMigration("SearchKey1796285949683", incidentSearch);
