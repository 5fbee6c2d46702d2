#!/usr/bin/perl
# tools/docs-check.pl FILE.md... - run every SQL example of the documentation and
# compare it with the output the documentation shows.  Run by tools/cluster-suites.sh
# inside the throwaway cluster: one fresh database per file, whose TimeZone is UTC
# (as a fresh server's may not be), with CREATE EXTENSION crm_contract; the file's
# ```sql blocks in order in one psql session, so a later example may use what an
# earlier one made.
#
# What a block promises: a line "-- → TEXT" right after a statement is its
# output, one such line per row, columns joined by "|" (psql -At), and
# "-- → ERROR:  message" an error (the message's start).  A statement with no
# "-- →" lines must only succeed.  A block whose first line is "-- (not run)" is
# an illustration (it holds "…").  Each statement is a test: prints TAP lines,
# the expected and the actual output of each that fails, and exits 1 if any failed.
use strict;
use warnings;
use utf8;				# the → and … of this source are characters, as in the files read
use File::Temp qw(tempfile);

my $n = 0;
my $failed = 0;

sub ok {
	my ($pass, $what, @diag) = @_;
	$n++;
	print(($pass ? "ok" : "not ok"), " $n - $what\n");
	unless ($pass) { print "#   $_\n" for @diag; }
	$failed++ unless $pass;
}

# The statements of a file's blocks: [text, [expected lines], where].
sub statements {
	my ($file) = @_;
	open(my $fh, '<:encoding(UTF-8)', $file) or die "$file: $!\n";
	my @lines = <$fh>;
	close($fh);
	my (@out, $in, $skip, $cur, $line_no);
	for (my $i = 0; $i < @lines; $i++) {
		my $l = $lines[$i];
		if (!$in && $l =~ /^```sql\s*$/) {
			$in = 1;
			$skip = ($i + 1 < @lines && $lines[$i + 1] =~ /^--\s*\(not run\)/);
			next;
		}
		next unless $in;
		if ($l =~ /^```\s*$/) {
			die "$file:" . ($i + 1) . ": a block ends inside a statement\n" if $cur && !$skip;
			$in = 0;
			$cur = undef;
			next;
		}
		next if $skip;
		if ($l =~ /^\s*--\s*→\s?(.*?)\s*$/) {
			die "$file:" . ($i + 1) . ": an expected output follows no statement\n" unless @out && !$cur;
			push @{$out[-1][1]}, $1;
			next;
		}
		next if !$cur && $l =~ /^\s*(--.*)?$/;		# comments and blank lines between statements
		if (!$cur) {
			$cur = '';
			$line_no = $i + 1;
		}
		$cur .= $l;
		# a statement ends with ";" (outside $$ bodies), before a trailing comment
		(my $code = $cur) =~ s/\$\$.*?\$\$//gs;
		if ($code !~ /\$\$/ && $l =~ /;\s*(--.*)?$/) {
			push @out, [$cur, [], "$file:$line_no"];
			$cur = undef;
		}
	}
	return @out;
}

sub run_file {
	my ($file) = @_;
	my @stmts = statements($file);
	return unless @stmts;
	(my $db = "docs_" . lc($file)) =~ s/[^a-z0-9]+/_/g;
	system('dropdb', '--if-exists', $db) if `psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'"`;
	system('createdb', $db) == 0 or die "createdb $db failed\n";
	system('psql', '-X', '-q', '-d', $db, '-c', "ALTER DATABASE $db SET TimeZone = 'UTC'") == 0
		or die "setting TimeZone in $db failed\n";
	system('psql', '-X', '-q', '-d', $db, '-c', 'CREATE EXTENSION crm_contract') == 0
		or die "CREATE EXTENSION in $db failed\n";
	my %roles_before = map { $_ => 1 } roles();
	my ($fh, $script) = tempfile(UNLINK => 1);
	binmode($fh, ':encoding(UTF-8)');
	for my $k (0 .. $#stmts) {
		print $fh "\\echo \@\@$k\n", $stmts[$k][0];
	}
	print $fh "\\echo \@\@end\n";
	close($fh);
	my $output = `psql -X -q -At -v ON_ERROR_STOP=0 -d '$db' -f '$script' 2>&1`;
	utf8::decode($output);
	my %got;
	my $k;
	for my $l (split /\n/, $output) {
		if ($l =~ /^\@\@(\d+|end)$/) {
			$k = $1;
			next;
		}
		$l =~ s/^psql:[^:]+:\d+: //;			# psql's prefix of errors from a file
		# notices and LISTEN's notifications are not results
		push @{$got{$k}}, $l if defined $k && $l !~ /^(NOTICE|DETAIL|HINT|CONTEXT|WARNING):|^Asynchronous notification /;
	}
	for $k (0 .. $#stmts) {
		my ($sql, $want, $where) = @{$stmts[$k]};
		my @got = @{$got{$k} || []};
		(my $short = $sql) =~ s/\s+/ /g;
		$short = substr($short, 0, 70) . (length($short) > 70 ? '…' : '');
		if (@$want == 0) {
			my @errors = grep { /^ERROR:/ } @got;
			ok(!@errors, "$where: $short", @errors);
		} elsif ($want->[0] =~ /^ERROR:/) {
			my $e = (grep { /^ERROR:/ } @got)[0] // '(no error)';
			ok(index($e, $want->[0]) == 0, "$where: $short", "want: $want->[0]", "got:  $e");
		} else {
			my $pass = @got == @$want && !grep { $got[$_] ne $want->[$_] } 0 .. $#got;
			ok($pass, "$where: $short", (map { "want: $_" } @$want), (map { "got:  $_" } @got));
		}
	}
	# the roles an example created go with its database (roles belong to the cluster)
	my @new = grep { !$roles_before{$_} } roles();
	for my $r (@new) {
		system('psql', '-X', '-q', '-d', $db, '-c', qq{DROP OWNED BY "$r"});
	}
	system('dropdb', $db);
	for my $r (@new) {
		system('psql', '-X', '-q', '-d', 'postgres', '-c', qq{DROP ROLE "$r"});
	}
}

sub roles {
	return split /\n/, `psql -X -At -d postgres -c 'SELECT rolname FROM pg_roles'`;
}

binmode(STDOUT, ':encoding(UTF-8)');
run_file($_) for @ARGV;
print "1..$n\n";
print "# $failed of $n documented statements did not give their documented output\n" if $failed;
exit($failed ? 1 : 0);
