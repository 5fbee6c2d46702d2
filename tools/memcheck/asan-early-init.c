/*
 * tools/memcheck/asan-early-init.c - preloaded after the ASan runtime by `make sanitize`
 * (tools/memcheck/sanitize.sh); not part of the extension.
 *
 * postgres is not instrumented, so the preloaded ASan runtime initializes
 * lazily, at the first call it intercepts.  Library constructors run before
 * the runtime's own: in the Debian server those of libp11-kit and libgnutls
 * (pulled in by libldap) call newlocale() and bindtextdomain(), and glibc
 * allocates inside them while holding its locale or gettext lock.  When that
 * allocation is the one that initializes the runtime, the lock is left
 * corrupted (reproduced with newlocale() in a small program: its reader count
 * ended at -1) and the next setlocale() or bindtextdomain() blocks forever, so
 * the server never starts.  These wrappers make one allocation of their own
 * before forwarding: the runtime initializes with no libc lock held.
 * See doc/memory-checks.md.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>

static void
init_runtime_first(void)
{
	static int	done;

	if (!done)
	{
		void	   *volatile p;	/* volatile: the allocation must not be optimized away */

		done = 1;
		p = malloc(1);
		free(p);
	}
}

locale_t
newlocale(int category_mask, const char *locale, locale_t base)
{
	static locale_t (*next) (int, const char *, locale_t);

	init_runtime_first();
	if (!next)
		next = (locale_t (*) (int, const char *, locale_t)) dlsym(RTLD_NEXT, "newlocale");
	return next(category_mask, locale, base);
}

char *
bindtextdomain(const char *domainname, const char *dirname)
{
	static char *(*next) (const char *, const char *);

	init_runtime_first();
	if (!next)
		next = (char *(*) (const char *, const char *)) dlsym(RTLD_NEXT, "bindtextdomain");
	return next(domainname, dirname);
}
