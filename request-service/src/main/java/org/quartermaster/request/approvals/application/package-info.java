/** Approval use cases: deciding a stage, reading an approval, and the sweeper that escalates and times out stages. */
package org.quartermaster.request.approvals.application;
