import { searchKeyMigration } from "../../../lib/search-index";
import { statementSearch } from "../../search";

/**
 * search-key (statement, sqlite): by hand. Each statement's search document gets a docid of its own in
 * "statement_search_key" (an INTEGER PRIMARY KEY, which VACUUM keeps) instead of sharing the statement
 * row's rowid, which SQLite does not promise to keep (see `SearchIndex`).
 */
export const SearchKey1796285949683 = searchKeyMigration("SearchKey1796285949683", statementSearch);
