package dev.jnsc.cli;

/**
 * {@code nsc completion bash|zsh|fish|powershell}: prints a shell script that completes nsc
 * command lines. The scripts stay small and the values current: on every Tab they run
 * {@code nsc __complete <words>} ({@link Completion}), which answers from the command tree and the
 * store, in the protocol of the cobra scripts the Go nsc prints (candidates one a line,
 * "value&lt;TAB&gt;description", then ":" and the directive bits: 1 error, 2 no space after the
 * value, 4 no file names, 16 directories only).
 */
final class CompletionCommands extends Leaf {
    private final String shell;

    CompletionCommands(Cli cli, String shell) {
        super(cli);
        this.shell = shell;
    }

    @Override
    void define(Spec s) {
        switch (shell) {
            case "bash":
                s.name("bash", "Generate the autocompletion script for bash")
                        .details("It needs no bash-completion package.", "",
                                "To load completions in your current shell session:", "",
                                "    source <(nsc completion bash)", "",
                                "To load completions for every new session, execute once:", "",
                                "    nsc completion bash > /etc/bash_completion.d/nsc    (Linux)",
                                "    nsc completion bash > $(brew --prefix)/etc/bash_completion.d/nsc    (macOS)", "",
                                "You will need to start a new shell for this setup to take effect.", "");
                break;
            case "zsh":
                s.name("zsh", "Generate the autocompletion script for zsh")
                        .details("If shell completion is not already enabled in your environment, enable it once with:", "",
                                "    echo \"autoload -U compinit; compinit\" >> ~/.zshrc", "",
                                "To load completions in your current shell session:", "",
                                "    source <(nsc completion zsh)", "",
                                "To load completions for every new session, execute once:", "",
                                "    nsc completion zsh > \"${fpath[1]}/_nsc\"", "",
                                "You will need to start a new shell for this setup to take effect.", "");
                break;
            case "fish":
                s.name("fish", "Generate the autocompletion script for fish")
                        .details("To load completions in your current shell session:", "",
                                "    nsc completion fish | source", "",
                                "To load completions for every new session, execute once:", "",
                                "    nsc completion fish > ~/.config/fish/completions/nsc.fish", "",
                                "You will need to start a new shell for this setup to take effect.", "");
                break;
            default:
                s.name("powershell", "Generate the autocompletion script for powershell")
                        .details("To load completions in your current shell session:", "",
                                "    nsc completion powershell | Out-String | Invoke-Expression", "",
                                "To load completions for every new session, add the output of the above command",
                                "to your powershell profile.", "");
                break;
        }
        s.flag("disable completion descriptions", "--no-descriptions");
    }

    @Override
    int run(Args a) {
        String callback = a.flag("--no-descriptions") ? "__completeNoDesc" : "__complete";
        String script;
        switch (shell) {
            case "bash":
                script = BASH;
                break;
            case "zsh":
                script = ZSH;
                break;
            case "fish":
                script = FISH;
                break;
            default:
                script = POWERSHELL;
                break;
        }
        cli.out.print(script.replace("__complete", callback));
        cli.out.flush();
        return 0;
    }

    private static final String BASH = """
            # bash completion for nsc                                        -*- shell-script -*-
            # Printed by "nsc completion bash" (jnsc). On every Tab it runs "nsc __complete <words>",
            # which prints the candidates one a line ("value<TAB>description"), then ":<directive>"
            # (bits: 1 error, 2 no space after the value, 4 no file names, 16 directories only).

            # The words up to the cursor in "words", the index of the current one in "cword".
            # COMP_WORDS cuts "--account=A" at "=" (and "a:b" at ":"): pieces that touch are joined again.
            __nsc_words()
            {
                local rest trimmed w i
                rest=${COMP_LINE-}
                if [[ -n $rest && -n ${COMP_POINT-} ]]; then
                    rest=${rest:0:COMP_POINT}
                fi
                [[ -n $rest ]] || rest="${COMP_WORDS[*]}"
                words=()
                cword=-1
                for ((i = 0; i <= COMP_CWORD; i++)); do
                    w=${COMP_WORDS[i]}
                    trimmed=${rest#"${rest%%[![:space:]]*}"}
                    if ((i > 0 && ${#trimmed} == ${#rest})); then
                        words[cword]+=$w
                    else
                        words+=("$w")
                        cword=$((cword + 1))
                    fi
                    rest=${trimmed:${#w}}
                done
            }

            __start_nsc()
            {
                local words cword cur out directive line tab=$'\\t'
                local -a args values descs
                COMPREPLY=()
                __nsc_words
                cur=${words[cword]}
                [[ $cur == -*=* ]] && cur=${cur#*=}
                args=("${words[@]:1:cword}")
                args=("${args[@]/#\\~\\//$HOME/}")
                out=$("${words[0]/#\\~\\//$HOME/}" __complete "${args[@]}" 2>/dev/null) || return 0
                directive=${out##*:}
                out=${out%:*}
                [[ $directive =~ ^[0-9]+$ ]] || return 0
                ((directive & 1)) && return 0
                ((directive & 2)) && compopt -o nospace 2>/dev/null
                ((directive & 4)) && compopt +o default 2>/dev/null
                if ((directive & 16)); then
                    compopt -o filenames 2>/dev/null
                    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -d -- "$cur")
                    return 0
                fi
                while IFS= read -r line; do
                    [[ -z $line ]] && continue
                    values+=("${line%%"$tab"*}")
                    if [[ $line == *"$tab"* ]]; then descs+=("${line#*"$tab"}"); else descs+=(""); fi
                done <<<"$out"
                if ((${#values[@]} == 1)); then
                    # inserted as typed: quote what the shell would split or expand
                    COMPREPLY=("${values[0]}")
                    [[ ${values[0]} =~ [^A-Za-z0-9_.,:/=@+%-] ]] && COMPREPLY=("$(printf '%q' "${values[0]}")")
                    return 0
                fi
                if [[ "${descs[*]}" =~ [^[:space:]] && ${COMP_TYPE-9} != 37 && ${COMP_TYPE-9} != 42 ]]; then
                    # a list to look at, not to insert: "value   (description)", cut to the screen width
                    local i longest=0 width=${COLUMNS:-80} entry room
                    for i in "${!values[@]}"; do ((${#values[i]} > longest)) && longest=${#values[i]}; done
                    for i in "${!values[@]}"; do
                        entry=${values[i]}
                        if [[ -n ${descs[i]} ]]; then
                            printf -v entry '%-*s' "$longest" "${values[i]}"
                            room=$((width - longest - 4))
                            if ((room > 8)); then
                                line=${descs[i]}
                                ((${#line} > room)) && line="${line:0:room-1}…"
                                entry+="  ($line)"
                            fi
                        fi
                        COMPREPLY+=("$entry")
                    done
                else
                    COMPREPLY=("${values[@]}")
                fi
                return 0
            }

            complete -o default -F __start_nsc nsc
            """;

    private static final String ZSH = """
            #compdef nsc
            # zsh completion for nsc, printed by "nsc completion zsh" (jnsc). On every Tab it runs
            # "nsc __complete <words>", which prints the candidates one a line ("value<TAB>description"),
            # then ":<directive>" (bits: 1 error, 2 no space after the value, 4 no file names, 16 directories only).

            _nsc()
            {
                local out directive line value desc
                local -a args described opts
                args=("${(@Q)words[2,CURRENT]}")
                out=$(${(Q)words[1]} __complete "${args[@]}" 2>/dev/null) || return 1
                directive=${out##*:}
                out=${out%:*}
                [[ $directive == <-> ]] || return 1
                (( directive & 1 )) && return 1
                if (( directive & 16 )); then
                    _files -/
                    return
                fi
                for line in "${(@f)out}"; do
                    [[ -z $line ]] && continue
                    value=${line%%$'\\t'*}
                    desc=""
                    [[ $line == *$'\\t'* ]] && desc=${line#*$'\\t'}
                    described+=("${value//:/\\\\:}${desc:+:$desc}")
                done
                [[ ${words[CURRENT]} == -*=* ]] && compset -P '*='
                (( directive & 2 )) && opts+=(-S '')
                if (( ${#described} )); then
                    _describe -t values 'nsc' described "${opts[@]}"
                    return
                fi
                (( directive & 4 )) || _files
            }

            if [[ ${funcstack[1]} == _nsc ]]; then
                _nsc "$@"
            else
                compdef _nsc nsc
            fi
            """;

    private static final String FISH = """
            # fish completion for nsc, printed by "nsc completion fish" (jnsc). On every Tab it runs
            # "nsc __complete <words>", which prints the candidates one a line ("value<TAB>description"),
            # then ":<directive>" (bits: 1 error, 2 no space after the value, 4 no file names, 16 directories only).

            function __nsc_perform_completion
                set -l args (commandline -opc)
                set -l current (commandline -ct)
                set -l program $args[1]
                set -e args[1]
                set -l out ($program __complete $args $current 2>/dev/null)
                or return
                set -l directive (string replace -r -- '^:' '' $out[-1])
                set -e out[-1]
                string match -qr -- '^[0-9]+$' $directive
                or return
                if test (math "bitand($directive, 1)") -ne 0
                    return
                end
                if test (math "bitand($directive, 16)") -ne 0
                    __fish_complete_directories $current
                    return
                end
                set -l prefix ''
                if string match -qr -- '^-[^=]*=' $current
                    set prefix (string replace -r -- '=.*' '=' $current)
                end
                for line in $out
                    test -n "$line"; and echo $prefix$line
                end
                if test (count $out) -eq 0; and test (math "bitand($directive, 4)") -eq 0
                    __fish_complete_path $current
                end
            end

            complete -c nsc -e
            complete -c nsc -f -a '(__nsc_perform_completion)'
            """;

    private static final String POWERSHELL = """
            # powershell completion for nsc, printed by "nsc completion powershell" (jnsc). On every Tab
            # it runs "nsc __complete <words>", which prints the candidates one a line
            # ("value<TAB>description"), then ":<directive>" (bits: 1 error, 2 no space after the value,
            # 4 no file names, 16 directories only).

            Register-ArgumentCompleter -CommandName 'nsc' -Native -ScriptBlock {
                param($WordToComplete, $CommandAst, $CursorPosition)

                $elements = @($CommandAst.CommandElements |
                    Where-Object { $_.Extent.StartOffset -lt $CursorPosition } |
                    ForEach-Object { $_.Extent.Text })
                $program = $elements[0]
                $arguments = @($elements | Select-Object -Skip 1)
                if ($WordToComplete -eq '') { $arguments += '' }
                # before PowerShell 7.3 an empty argument reaches a program only as '""'
                $empty = if ($PSNativeCommandArgumentPassing -in 'Standard', 'Windows') { '' } else { '""' }
                $arguments = @($arguments | ForEach-Object { if ($_ -eq '') { $empty } else { $_ } })

                $out = @(& $program __complete @arguments 2>$null)
                if ($out.Count -eq 0) { return }
                $directive = 0
                if (-not [int]::TryParse(($out[-1] -replace '^:', ''), [ref]$directive)) { return }
                $lines = @($out | Select-Object -SkipLast 1 | Where-Object { $_ -ne '' })
                if ($directive -band 1) { return }
                if ($directive -band 16) { return }   # PowerShell completes paths itself

                $prefix = ''
                if ($WordToComplete -match '^(-[^=]*=)') { $prefix = $Matches[1] }
                $space = if ($directive -band 2) { '' } else { ' ' }
                $results = foreach ($line in $lines) {
                    $value, $description = $line -split "`t", 2
                    if (-not $description) { $description = $value }
                    [System.Management.Automation.CompletionResult]::new(
                        "$prefix$value$space", $value, 'ParameterValue', $description)
                }
                if (-not $results -and ($directive -band 4)) { return '' }
                $results
            }
            """;
}
