/** REST resources and their request/response records: the therapy service's public contract. */
package org.careweave.therapy.api;
