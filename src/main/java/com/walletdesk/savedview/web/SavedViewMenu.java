package com.walletdesk.savedview.web;

import java.util.List;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.savedview.SavedView;
import com.walletdesk.savedview.SavedViewService;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the layout asks of saved views while it renders: the signed-in account's views for the
 * user menu ({@code savedview/menu :: items}). Read from the request's current user, so a page
 * that is not signed in all the way (a second factor pending) lists none.
 */
@Component("savedViewMenu")
public class SavedViewMenu {

	private final SavedViewService views;

	SavedViewMenu(SavedViewService views) {
		this.views = views;
	}

	/** The current account's views, by name; none without a signed-in account. */
	public List<SavedView> items() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object user = request == null ? null
				: request.getAttribute(CurrentUser.class.getName(), RequestAttributes.SCOPE_REQUEST);
		return user instanceof CurrentUser current ? this.views.list(current) : List.of();
	}

}
