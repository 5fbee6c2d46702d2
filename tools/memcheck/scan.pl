#!/usr/bin/perl
# tools/memcheck/scan.pl KIND LOGDIR SRCDIR - counts the reports left by
# `make sanitize` (KIND sanitizer: files sanitizer.<pid>) or `make valgrind`
# (KIND valgrind: files vg.<pid>.log) in LOGDIR, and splits them into ours and
# PostgreSQL's.  A report is ours when a frame of it lies in crm_contract.so:
# printed as the object (no line info) or as a source file under SRCDIR, the
# snapshot the .so was built from.  Writes every report in full to
# LOGDIR/findings.txt, prints one line per distinct report and, last,
# "ours N postgres N".
use strict;
use warnings;

my ($kind, $logs, $src) = @ARGV;
die "usage: $0 sanitizer|valgrind LOGDIR SRCDIR\n" unless $kind && $logs && $src;

# Which client each server process served (log_connections), to name reports.
my %who;
if (open my $fh, '<', "$logs/server.log") {
  while (<$fh>) {
    $who{$1} = $3 // $2
      if /\[(\d+)\] LOG:\s+connection authorized: user=\S+ database=(\S+)(?: application_name=(\S+))?/;
  }
}

my (@reports, %supp, @notes);
# sanitizer reports also in server.log: what a runtime writes to stderr
my @files = sort glob("$logs/" . ($kind eq 'valgrind' ? 'vg.*.log' : 'sanitizer.*'));
push @files, "$logs/server.log" if $kind ne 'valgrind';
for my $file (@files) {
  my ($file_pid) = $file =~ /\.(\d+)(?:\.log)?$/;
  my $server_log = $file =~ /server\.log$/;
  open my $fh, '<', $file or next;
  my ($cur, $pid, $live) = (undef, $file_pid // '?', 1);
  my $end = sub { push @reports, [$pid, $cur] if defined $cur; $cur = undef };
  while (my $line = <$fh>) {
    if ($kind eq 'valgrind') {
      # errors are reported live between the markers; after the first ERROR
      # SUMMARY -s lists them again (with those inherited from the parent at fork)
      $live = 0 if $line =~ /ERROR SUMMARY:/;
      $supp{$2} += $1 if $line =~ /used_suppression:\s+(\d+) (\S+)/;
      next unless $live;
      if ($line =~ /VGERR-BEGIN/) { $cur = ''; next }
      if ($line =~ /VGERR-END/) { $end->(); next }
      $cur .= $line if defined $cur;
      next;
    }
    if ($server_log && $line =~ /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/) {   # a server message ends a report
      $end->();
    } elsif ($line =~ /==\d+==ERROR: |runtime error: /) {
      $end->();
      $pid = $file_pid // ($line =~ /==(\d+)==/ ? $1 : '?');
      $cur = $line;
    } elsif (defined $cur) {
      $cur .= $line;
    } elsif ($line =~ /^==\d+==WARNING/) {
      push @notes, "pid $pid: $line";
    }
  }
  $end->();
}

open my $out, '>', "$logs/findings.txt" or die "$logs/findings.txt: $!\n";
my (%distinct, $ours, $theirs);
($ours, $theirs) = (0, 0);
for my $r (@reports) {
  my ($pid, $text) = @$r;
  $text =~ s/^==\d+== ?//mg;
  my $mine = ($text =~ /crm_contract\.so/ || index($text, "$src/") >= 0) ? 1 : 0;
  $mine ? $ours++ : $theirs++;
  my ($what) = grep { /\S/ && !/^=+$/ } split /\n/, $text;
  $what =~ s/.*?(runtime error: )/$1/;
  $what =~ s/0x[0-9a-f]+/0x…/g;
  my @fns = $text =~ /(?:^\s+#\d+ 0x[0-9a-f]+ in |(?:at|by) 0x[0-9A-F]+: )(\S+)/mg;
  my $sig = sprintf '%-10s %s | %s', $mine ? 'OURS' : 'postgres', $what, join(' < ', grep { defined } @fns[0 .. 4]);
  $distinct{$sig}++;
  print $out "---- ", $mine ? 'OURS' : 'postgres', ", pid $pid", ($who{$pid} ? " ($who{$pid})" : ''), "\n$text\n";
}
print $out "---- suppressed (tools/memcheck/valgrind.supp): $supp{$_} $_\n" for sort keys %supp;
print $out "---- note: $_" for @notes;
close $out;

printf "   %3d× %s\n", $distinct{$_}, $_ for sort keys %distinct;
printf "   suppressed PostgreSQL noise: %d× %s\n", $supp{$_}, $_ for sort keys %supp;
print "   note: $_" for @notes[0 .. ($#notes < 4 ? $#notes : 4)];
print "ours $ours postgres $theirs\n";
