/** Who may see and change which care plan, on top of the platform's patient-record access. */
package org.careweave.careplan.access;
