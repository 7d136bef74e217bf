# bash completion for jvirsh, the virsh-compatible command line of jvirt.
#
# Completes jvirsh's own options, command names, each command's options, and the names of
# domains, pools and networks. Everything but the global options comes from jvirsh itself:
# `jvirsh [-c URI] [--auth-file FILE] -r complete -- WORD...` prints the candidates for the
# words typed so far (the last one being completed), using the connection given on the command
# line being completed (or LIBVIRT_DEFAULT_URI), read-only. Nothing is printed when there is no
# connection.
#
# Install: source this file from ~/.bashrc, or copy it to
# ~/.local/share/bash-completion/completions/jvirsh (bash-completion loads it on demand).

_jvirsh_complete() {
    local line="${COMP_LINE:0:COMP_POINT}"
    local -a words
    # Split what was typed on blanks ourselves: bash's COMP_WORDS also breaks at ':' and '=',
    # which would cut a URI (test:///default) into pieces.
    read -r -a words <<<"$line"
    if [[ "$line" =~ [[:space:]]$ || ${#words[@]} -eq 0 ]]; then
        words+=("")
    fi
    local jvirsh="${words[0]/#\~/$HOME}"
    local -a globals=() args=()
    local i=1 w
    # jvirsh's own options up to the command; the ones naming the connection are passed on
    while ((i < ${#words[@]} - 1)); do
        w="${words[i]}"
        case "$w" in
            -c | --connect | --auth-file)
                globals+=("$w" "${words[i + 1]}")
                i=$((i + 2))
                ;;
            --connect=* | --auth-file=* | --sim | --sim=*)
                globals+=("$w")
                i=$((i + 1))
                ;;
            -d | --debug | -l | --log | -k | --keepalive-interval | -K | --keepalive-count | -e | --escape)
                i=$((i + 2))
                ;;
            -*)
                i=$((i + 1))
                ;;
            *)
                break
                ;;
        esac
    done
    if ((i > ${#words[@]} - 1)); then
        COMPREPLY=() # the value of an option (a URI, a file name)
        compopt -o default 2>/dev/null
        return 0
    fi
    # the words of the command being typed: after the last ';'
    local j
    for ((j = i; j < ${#words[@]}; j++)); do
        w="${words[j]}"
        if [[ "$w" == ";" ]]; then
            args=()
        elif [[ "$w" == *";" && $j -lt $((${#words[@]} - 1)) ]]; then
            args=()
        else
            args+=("$w")
        fi
    done
    if ((i == ${#words[@]} - 1)); then
        # still among jvirsh's own options: complete them (or, for a plain word, the command)
        args=("${words[i]}")
    fi
    local cur="${args[${#args[@]} - 1]}"
    local IFS=$'\n'
    local -a candidates
    candidates=($("$jvirsh" "${globals[@]}" -q -r complete -- "${args[@]}" </dev/null 2>/dev/null))
    # bash replaces only the part of the word after its last ':' or '=' (COMP_WORDBREAKS)
    local broken="${COMP_WORDS[COMP_CWORD]}"
    if [[ "$cur" != "$broken" && "$cur" == *"$broken" ]]; then
        local cut=$((${#cur} - ${#broken}))
        local k
        for k in "${!candidates[@]}"; do
            candidates[k]="${candidates[k]:cut}"
        done
    fi
    COMPREPLY=("${candidates[@]}")
    if ((${#COMPREPLY[@]} == 0)); then
        # no candidates (a file argument, a size, ...): let bash complete file names
        compopt -o default 2>/dev/null
    fi
    return 0
}

complete -F _jvirsh_complete jvirsh ./jvirsh
