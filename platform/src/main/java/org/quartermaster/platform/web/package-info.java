/** Microsoft Graph wire conventions: error bodies, request ids, strict JSON, collections and paging. */
package org.quartermaster.platform.web;
