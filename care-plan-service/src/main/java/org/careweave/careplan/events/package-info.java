/** Publishing care plan events through the outbox and consuming every service's events for the timeline. */
package org.careweave.careplan.events;
