#!/usr/bin/perl
# tools/sql-assemble.pl PART... - the Makefile's assembler of the install and
# upgrade scripts: prints the parts in the order given, replacing two kinds of
# directive lines, so that an upgrade script never repeats what the install
# script already says:
#   --@include FILE              the contents of FILE (shipped data, e.g. sql/data/…)
#   --@replace-function NAME     the definition of function crm_contract.NAME as the
#                                install parts (sql/parts/*.sql) have it, with its
#                                COMMENT ON FUNCTION, as CREATE OR REPLACE FUNCTION
#   --@replace-view NAME         the same for view crm_contract.NAME
#   --@statement PREFIX          the statement of the install parts that starts with
#                                PREFIX (a CREATE TABLE, a COMMENT ...), as it is there
# A directive that finds nothing stops the build.
use strict;
use warnings;

my @parts = glob('sql/parts/*.sql');

# The definition of crm_contract.NAME (every overload) and its comments.
sub function_definition {
	my ($name) = @_;
	my $out = '';
	for my $file (@parts) {
		open(my $fh, '<', $file) or die "$file: $!\n";
		my @lines = <$fh>;
		close($fh);
		for (my $i = 0; $i < @lines; $i++) {
			next unless $lines[$i] =~ /^CREATE FUNCTION crm_contract\.\Q$name\E\(/;
			my $body = 0;
			for (; $i < @lines; $i++) {
				my $l = $lines[$i];
				$l =~ s/^CREATE FUNCTION /CREATE OR REPLACE FUNCTION /;
				$out .= $l;
				# a $$-quoted body ends at the line closing it; a C function at its first ';'
				my $quotes = () = $lines[$i] =~ /\$\$/g;
				$body ^= 1 if $quotes % 2;
				last if !$body && $lines[$i] =~ /;\s*$/;
			}
			# the comment right after it
			if ($i + 1 < @lines && $lines[$i + 1] =~ /^COMMENT ON FUNCTION crm_contract\.\Q$name\E\(/) {
				for ($i++; $i < @lines; $i++) {
					$out .= $lines[$i];
					last if $lines[$i] =~ /';\s*$/;
				}
			}
		}
	}
	die "sql-assemble: no CREATE FUNCTION crm_contract.$name( in sql/parts\n" if $out eq '';
	return $out;
}

# The statement of the parts whose first line starts with $prefix: up to the line
# that ends with ';' outside parentheses and $$-quoted bodies.
sub statement {
	my ($prefix) = @_;
	for my $file (@parts) {
		open(my $fh, '<', $file) or die "$file: $!\n";
		my @lines = <$fh>;
		close($fh);
		for (my $i = 0; $i < @lines; $i++) {
			next unless index($lines[$i], $prefix) == 0;
			my ($out, $depth, $body) = ('', 0, 0);
			for (; $i < @lines; $i++) {
				my $l = $lines[$i];
				$out .= $l;
				my $quotes = () = $l =~ /\$\$/g;
				$body ^= 1 if $quotes % 2;
				unless ($body) {
					(my $code = $l) =~ s/'[^']*'//g;	# parentheses inside strings do not count
					$depth += () = $code =~ /\(/g;
					$depth -= () = $code =~ /\)/g;
				}
				return $out if !$body && $depth <= 0 && $l =~ /;\s*$/;
			}
		}
	}
	die "sql-assemble: no statement starting with '$prefix' in sql/parts\n";
}

sub view_definition {
	my ($name) = @_;
	my $out = statement("CREATE VIEW crm_contract.$name ");
	$out =~ s/^CREATE VIEW /CREATE OR REPLACE VIEW /;
	return $out . statement("COMMENT ON VIEW crm_contract.$name IS");
}

for my $part (@ARGV) {
	open(my $fh, '<', $part) or die "$part: $!\n";
	while (my $line = <$fh>) {
		if ($line =~ /^--\@include\s+(\S+)\s*$/) {
			open(my $in, '<', $1) or die "sql-assemble: $part: cannot include $1: $!\n";
			print while <$in>;
			close($in);
		} elsif ($line =~ /^--\@replace-function\s+(\w+)\s*$/) {
			print function_definition($1);
		} elsif ($line =~ /^--\@replace-view\s+(\w+)\s*$/) {
			print view_definition($1);
		} elsif ($line =~ /^--\@statement\s+(.*?)\s*$/) {
			print statement($1);
		} else {
			print $line;
		}
	}
	close($fh);
}
