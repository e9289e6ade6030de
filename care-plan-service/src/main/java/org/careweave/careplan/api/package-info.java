/** REST resources and their request/response records: the care plan service's public contract. */
package org.careweave.careplan.api;
